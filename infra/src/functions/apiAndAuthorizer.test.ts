import { afterEach, describe, expect, inject, it } from 'vitest';
import { createApiHandler } from './api';
import { createAuthorizerHandler } from './authorizer';
import { createDynamoTables, type DynamoTables } from './testing/dynamoHarness';
import { authorizerEvent, httpApiEvent } from './testing/lambdaEvents';
import { seedWorkload } from '@sluice/api/testing';

let tables: DynamoTables;
afterEach(() => tables?.close());

const job = {
  source: 'team-a',
  dataset: 'sales',
  priorityClass: 'high',
  demand: { runs: 1 },
  backend: 'glue',
  spec: {},
  pools: ['glue-prod'],
};

describe('authorizer Lambda', () => {
  it('allows a key with the scope the route needs and passes its id and scopes on', async () => {
    tables = await createDynamoTables(inject('dynamoEndpoint'));
    const { keys } = await seedWorkload(tables.store, 0);
    const authorize = await createAuthorizerHandler(tables.runtime);
    const allowed = await authorize(
      authorizerEvent('POST', '/v1/jobs', { authorization: `Bearer ${keys.publish.secret}` }),
    );
    expect(allowed).toEqual({
      isAuthorized: true,
      context: { keyId: keys.publish.keyId, scopes: 'publish' },
    });
    const viaHeader = await authorize(
      authorizerEvent('GET', '/v1/queue', { 'X-Api-Key': keys.read.secret }, 'prod'),
    );
    expect(viaHeader).toMatchObject({ isAuthorized: true, context: { keyId: keys.read.keyId } });
  });

  it('refuses unknown keys and keys without the scope, and lets probes through', async () => {
    tables = await createDynamoTables(inject('dynamoEndpoint'));
    const { keys } = await seedWorkload(tables.store, 0);
    const authorize = await createAuthorizerHandler(tables.runtime);
    expect(
      await authorize(authorizerEvent('GET', '/v1/queue', { authorization: 'Bearer slk_unknown' })),
    ).toEqual({ isAuthorized: false });
    expect(
      (
        await authorize(
          authorizerEvent('PUT', '/v1/pools/p', { authorization: `Bearer ${keys.publish.secret}` }),
        )
      ).isAuthorized,
    ).toBe(false);
    expect(
      (
        await authorize(
          authorizerEvent('DELETE', '/v1/jobs/j', { authorization: `Bearer ${keys.admin.secret}` }),
        )
      ).isAuthorized,
    ).toBe(true);
    expect(await authorize(authorizerEvent('GET', '/healthz', {}))).toEqual({ isAuthorized: true });
  });

  it('sees a key issued after it started', async () => {
    tables = await createDynamoTables(inject('dynamoEndpoint'));
    const authorize = await createAuthorizerHandler(tables.runtime);
    const { keys } = await seedWorkload(tables.store, 0);
    expect(
      (await authorize(authorizerEvent('GET', '/v1/pools', { authorization: `Bearer ${keys.read.secret}` })))
        .isAuthorized,
    ).toBe(true);
  });
});

describe('API Lambda', () => {
  it('serves the app through API Gateway payload 2.0, acting as the key the authorizer named', async () => {
    tables = await createDynamoTables(inject('dynamoEndpoint'));
    const { keys } = await seedWorkload(tables.store, 0);
    const authorize = await createAuthorizerHandler(tables.runtime);
    const api = await createApiHandler(tables.runtime);

    const verdict = await authorize(
      authorizerEvent('POST', '/v1/jobs', { authorization: `Bearer ${keys.publish.secret}` }),
    );
    expect(verdict.isAuthorized).toBe(true);
    const context = 'context' in verdict ? verdict.context : null;
    const submitted = await api(
      httpApiEvent('POST', '/v1/jobs', { body: job, context, headers: { 'idempotency-key': 'lambda-1' } }),
    );
    expect(submitted.statusCode).toBe(201);
    const { jobId, position } = JSON.parse(submitted.body) as { jobId: string; position: number };
    expect(position).toBe(1);
    const again = await api(
      httpApiEvent('POST', '/v1/jobs', { body: job, context, headers: { 'idempotency-key': 'lambda-1' } }),
    );
    expect(again.statusCode).toBe(200);

    const read = await api(
      httpApiEvent('GET', `/v1/jobs/${jobId}?x=1`, { context: { keyId: keys.read.keyId, scopes: 'read' } }),
    );
    expect(read.statusCode).toBe(200);
    expect(JSON.parse(read.body)).toMatchObject({
      jobId,
      status: 'queued',
      source: 'team-a',
      queuePosition: 1,
    });
    const submittedEvent = (await tables.store.readAll()).events.find((e) => e.type === 'JobSubmitted');
    expect(submittedEvent?.actor).toBe(`api:${keys.publish.keyId}`);
  });

  it('answers 401 without an authorizer context and problems for bad input, appending nothing', async () => {
    tables = await createDynamoTables(inject('dynamoEndpoint'));
    await seedWorkload(tables.store, 0);
    const api = await createApiHandler(tables.runtime);
    const before = (await tables.store.readAll()).lastPosition;
    const anonymous = await api(httpApiEvent('GET', '/v1/queue'));
    expect(anonymous.statusCode).toBe(401);
    const bad = await api(
      httpApiEvent('POST', '/v1/jobs', {
        body: { ...job, priorityClass: 'nope' },
        context: { keyId: 'k', scopes: 'publish' },
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.headers?.['content-type']).toBe('application/problem+json');
    expect((await tables.store.readAll()).lastPosition).toBe(before);
  });
});
