import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzRequestArbitrary } from '../testing/fuzzRequests';
import { poolBody, requestInit, startTestApi, type TestApi } from '../testing/testApi';

let api: TestApi;
beforeAll(async () => {
  // No rate limit: 10,000 requests from one key would otherwise test the limiter and little else.
  api = await startTestApi({ rateLimit: false });
  await api.request('PUT', '/v1/pools/glue-prod', { body: poolBody() });
  await api.request('PUT', '/v1/templates/daily-load', {
    body: { backend: 'glue', spec: {}, demand: { runs: 1 }, priorityClass: 'normal', pools: ['glue-prod'] },
  });
});
afterAll(() => api.close());

describe('fuzzed POST and PUT requests', () => {
  it('answer only 4xx problems to 10,000 invalid bodies and headers, and append nothing', async () => {
    const before = await api.feed();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fuzzRequestArbitrary({ withContentLength: true }), async (request) => {
        const response = await api.app.request(
          request.path,
          requestInit(request.method, api.keys, {
            key: request.key,
            rawBody: request.body,
            headers: request.headers,
          }),
        );
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const text = await response.text();
        const outcome = `${request.method} ${request.path} -> ${response.status} ${text.slice(0, 300)}`;
        expect(response.status, outcome).toBeGreaterThanOrEqual(400);
        expect(response.status, outcome).toBeLessThan(500);
        expect(response.headers.get('content-type'), outcome).toBe('application/problem+json');
      }),
      { numRuns: 10_000 },
    );
    expect(await api.feed()).toEqual(before);
    // The fuzz reaches validation, not just the doors in front of it.
    for (const status of [400, 401, 403, 413, 415])
      expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    expect(statuses.get(400)!).toBeGreaterThan(5000);
  }, 120_000);
});

describe('fuzzed reads and cancellations', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String),
    fc.double().map(String),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.constantFrom('queued', 'running', 'team-a', '0', '1', '1000', 'eyJhZnRlciI6MX0'),
  );
  const param = (name: string) =>
    fc.option(
      text.map((v) => `${name}=${encodeURIComponent(v)}`),
      { nil: undefined },
    );
  const query = (...names: string[]) =>
    fc.tuple(...names.map(param)).map((parts) => {
      const present = parts.filter((p) => p !== undefined);
      return present.length > 0 ? `?${present.join('&')}` : '';
    });
  const segment = fc.string({ minLength: 1, maxLength: 40 }).map((s) => encodeURIComponent(s));
  const request = fc.oneof(
    query('status', 'source', 'cursor', 'limit').map((q) => ['GET', `/v1/jobs${q}`]),
    query('after', 'limit').map((q) => ['GET', `/v1/events${q}`]),
    fc.tuple(segment, query('fromVersion', 'limit')).map(([s, q]) => ['GET', `/v1/streams/${s}/events${q}`]),
    fc
      .tuple(fc.constantFrom('queue', 'pools'), query('asOf', 'limit'))
      .map(([v, q]) => ['GET', `/v1/views/${v}${q}`]),
    fc.tuple(segment, query('asOf')).map(([s, q]) => ['GET', `/v1/views/jobs/${s}${q}`]),
    fc.tuple(segment).map(([s]) => ['GET', `/v1/jobs/${s}`]),
    fc.tuple(segment, query('reason')).map(([s, q]) => ['DELETE', `/v1/jobs/${s}${q}`]),
    query('limit').map((q) => ['GET', `/v1/queue${q}`]),
  );

  it('never answer 5xx to odd paths and query strings, and append nothing', async () => {
    const before = await api.feed();
    await fc.assert(
      fc.asyncProperty(request, async ([method, path]) => {
        const response = await api.request(method!, path!);
        const outcome = `${method} ${path} -> ${response.status} ${(await response.text()).slice(0, 300)}`;
        expect(response.status, outcome).toBeLessThan(500);
      }),
      { numRuns: 1000 },
    );
    expect(await api.feed()).toEqual(before);
  }, 60_000);
});
