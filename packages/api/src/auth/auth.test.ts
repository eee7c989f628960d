import { afterEach, describe, expect, it } from 'vitest';
import { AuthorizerContextVerifier } from './authorizerContextVerifier';
import { revokeApiKey } from './issueApiKey';
import { requiredScope } from './scopes';
import { jobBody, json, poolBody, startTestApi, type TestApi } from '../testing/testApi';

let api: TestApi;
afterEach(() => api.close());

describe('API keys and scopes', () => {
  it('answers 401 without a key or with an unknown one, and says how to authenticate', async () => {
    api = await startTestApi();
    const missing = await api.request('GET', '/v1/queue', { key: null });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    const unknown = await api.request('GET', '/v1/queue', {
      key: null,
      headers: { authorization: 'Bearer slk_not-a-key' },
    });
    expect(unknown.status).toBe(401);
    const malformed = await api.request('GET', '/v1/queue', {
      key: null,
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(malformed.status).toBe(401);
  });

  it('accepts the key in x-api-key too', async () => {
    api = await startTestApi();
    const response = await api.request('GET', '/v1/queue', {
      key: null,
      headers: { 'x-api-key': api.keys.read },
    });
    expect(response.status).toBe(200);
  });

  it('gives each scope its routes: read for GETs, publish for jobs and events, admin for the rest', async () => {
    api = await startTestApi();
    // Jobs are refused for pools nobody registered, so the pool they name exists first.
    await api.request('PUT', '/v1/pools/glue-prod', { body: poolBody() });
    const cases: [keyof TestApi['keys'], string, string, unknown, number][] = [
      ['read', 'GET', '/v1/pools', undefined, 200],
      ['read', 'POST', '/v1/jobs', jobBody(), 403],
      ['publish', 'GET', '/v1/pools', undefined, 403],
      ['publish', 'POST', '/v1/jobs', jobBody(), 201],
      ['publish', 'PUT', '/v1/pools/p1', poolBody(), 403],
      ['publish', 'PUT', '/v1/policy', { shares: {} }, 403],
      ['publish', 'PUT', '/v1/templates/t', {}, 403],
      ['admin', 'PUT', '/v1/pools/p1', poolBody(), 201],
      ['admin', 'GET', '/v1/pools', undefined, 200],
      ['admin', 'POST', '/v1/jobs', jobBody(), 201],
    ];
    for (const [key, method, path, body, status] of cases) {
      const response = await api.request(method, path, { key, ...(body !== undefined ? { body } : {}) });
      expect([key, method, path, response.status]).toEqual([key, method, path, status]);
    }
  });

  it('refuses a revoked key', async () => {
    api = await startTestApi();
    await revokeApiKey(api.store, api.keyIds.read, 'rotated', {
      now: api.clock.iso(),
      actor: 'test',
      newEventId: api.deps.newId,
    });
    expect((await api.request('GET', '/v1/queue', { key: 'read' })).status).toBe(401);
  });

  it('leaves probes and the API description open', async () => {
    api = await startTestApi();
    for (const path of ['/healthz', '/readyz', '/v1/openapi.json']) {
      expect((await api.request('GET', path, { key: null })).status).toBe(200);
    }
  });

  it('limits each key to its token bucket with 429 and Retry-After, refilling with time', async () => {
    api = await startTestApi({ rateLimit: { burst: 3, perSecond: 1 } });
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await api.request('GET', '/v1/queue', { key: 'read' })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await api.request('GET', '/v1/queue', { key: 'read' });
    expect(limited.headers.get('retry-after')).toBe('1');
    // Another key has its own bucket.
    expect((await api.request('GET', '/v1/queue', { key: 'admin' })).status).toBe(200);
    api.clock.advance(1000);
    expect((await api.request('GET', '/v1/queue', { key: 'read' })).status).toBe(200);
  });

  it('trusts the API Gateway authorizer context when the app runs behind it', async () => {
    api = await startTestApi({ keys: new AuthorizerContextVerifier() });
    const env = (context: Record<string, unknown>) => ({
      requestContext: { authorizer: { lambda: context } },
    });
    const ok = await api.app.request('/v1/queue', {}, env({ keyId: 'k1', scopes: 'read,publish' }));
    expect(ok.status).toBe(200);
    const wrongScope = await api.app.request(
      '/v1/pools/p1',
      { method: 'PUT', body: '{}', headers: { 'content-type': 'application/json' } },
      env({ keyId: 'k1', scopes: ['read'] }),
    );
    expect(wrongScope.status).toBe(403);
    // A bearer secret alone means nothing once the gateway is the one checking keys.
    const bearer = await api.request('GET', '/v1/queue', { key: 'admin' });
    expect(bearer.status).toBe(401);
  });
});

describe('requiredScope', () => {
  it('is the one rule the app and the authorizer share', () => {
    expect(requiredScope('GET', '/v1/jobs/x')).toBe('read');
    expect(requiredScope('HEAD', '/v1/queue')).toBe('read');
    expect(requiredScope('POST', '/v1/jobs')).toBe('publish');
    expect(requiredScope('POST', '/v1/events')).toBe('publish');
    expect(requiredScope('DELETE', '/v1/jobs/x')).toBe('admin');
    expect(requiredScope('PUT', '/v1/policy')).toBe('admin');
    expect(requiredScope('POST', '/v1/jobs/x')).toBe('admin');
    expect(requiredScope('GET', '/healthz')).toBe('public');
  });

  it('the scope of each documented route is stated in the OpenAPI document', async () => {
    api = await startTestApi();
    const document = await json(await api.request('GET', '/v1/openapi.json', { key: null }));
    expect(document.paths['/v1/jobs'].post.description).toContain('Scope: `publish`');
    expect(document.paths['/v1/pools/{id}'].put.description).toContain('Scope: `admin`');
    expect(document.paths['/v1/queue'].get.security).toEqual([{ apiKey: [] }]);
  });
});
