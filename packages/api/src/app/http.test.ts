import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobBody, json, poolBody, startTestApi, type TestApi } from '../testing/testApi';

let api: TestApi;
beforeEach(async () => {
  api = await startTestApi();
});
afterEach(() => api.close());

describe('request bodies', () => {
  it('answers 415 for a body that is not JSON, before reading it', async () => {
    const before = await api.feed();
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
    ]) {
      const response = await api.request('POST', '/v1/jobs', {
        headers: { 'content-type': type },
        rawBody: JSON.stringify(jobBody()),
      });
      expect([type, response.status]).toEqual([type, 415]);
    }
    const none = await api.request('PUT', '/v1/policy', { rawBody: '{"shares":{}}' });
    expect(none.status).toBe(415);
    const vendorJson = await api.request('PUT', '/v1/policy', {
      headers: { 'content-type': 'application/vnd.sluice+json; charset=UTF-8' },
      rawBody: '{"shares":{}}',
    });
    expect(vendorJson.status).toBe(200);
    expect((await api.feed()).length).toBe(before.length + 1);
  });

  it('answers 413 for a body over 1 MiB, declared or streamed', async () => {
    const before = await api.feed();
    const huge = JSON.stringify(jobBody({ spec: { blob: 'x'.repeat(1024 * 1024) } }));
    const declared = await api.request('POST', '/v1/jobs', {
      headers: { 'content-type': 'application/json', 'content-length': String(huge.length) },
      rawBody: huge,
    });
    expect(declared.status).toBe(413);
    const streamed = await api.app.request('/v1/jobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.keys.admin}` },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(64 * 1024)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await api.feed()).toEqual(before);
  });

  it('answers 400 for malformed JSON, an empty body, invalid UTF-8 and absurd nesting', async () => {
    const bodies: (string | Uint8Array)[] = [
      '{"source":',
      '',
      new Uint8Array([0x7b, 0xff, 0x7d]),
      '['.repeat(100) + ']'.repeat(100),
    ];
    for (const rawBody of bodies) {
      const response = await api.request('POST', '/v1/jobs', {
        headers: { 'content-type': 'application/json' },
        rawBody,
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    const deepSpec = JSON.parse(`{"a":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`) as Record<string, unknown>;
    expect((await api.request('POST', '/v1/jobs', { body: jobBody({ spec: deepSpec }) })).status).toBe(400);
  });

  it('answers problems in RFC 9457 form with the request path as instance', async () => {
    const response = await api.request('PUT', '/v1/pools/p1', {
      body: { backend: 'glue', capacity: { runs: 'two' }, quotas: {} },
    });
    expect(response.status).toBe(400);
    const problem = await json(response);
    expect(problem).toEqual({
      type: 'urn:sluice:problem:validation',
      title: 'Request is not valid',
      status: 400,
      detail: '1 field is not valid',
      instance: '/v1/pools/p1',
      errors: [{ field: 'capacity.runs', reason: expect.stringContaining('expected number') }],
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9A-Z]{26}$/);
  });

  it('answers 404 in the same form for an unknown route', async () => {
    const response = await api.request('GET', '/v1/nothing-here', { key: 'read' });
    expect(response.status).toBe(404);
    expect((await json(response)).type).toBe('urn:sluice:problem:notFound');
  });
});

describe('pools and policy', () => {
  it('registers and updates a pool and shows headroom per dimension', async () => {
    const created = await api.request('PUT', '/v1/pools/glue-prod', {
      body: poolBody({ cohort: 'glue', lendingLimit: { dpu: 4 } }),
    });
    expect(created.status).toBe(201);
    await api.request('POST', '/v1/jobs', { body: jobBody() });
    await api.schedule();
    await api.request('POST', '/v1/events', {
      key: 'publish',
      body: {
        events: [{ type: 'PoolCapacityReported', data: { poolId: 'glue-prod', observed: { dpu: 5 } } }],
      },
    });
    const updated = await api.request('PUT', '/v1/pools/glue-prod', {
      body: poolBody({ capacity: { runs: 4, dpu: 10 } }),
    });
    expect(updated.status).toBe(200);
    const { pools } = await json(await api.request('GET', '/v1/pools', { key: 'read' }));
    expect(pools).toHaveLength(1);
    expect(pools[0]).toMatchObject({
      poolId: 'glue-prod',
      reservedBy: 1,
      reserved: { runs: 1, dpu: 2 },
      observed: { dpu: 5 },
    });
    const byDimension = Object.fromEntries(
      pools[0].headroom.map((h: { dimension: string }) => [h.dimension, h]),
    );
    expect(byDimension.runs).toMatchObject({ capacity: 4, quota: 50, reserved: 1, headroom: 3 });
    expect(byDimension.dpu).toMatchObject({ capacity: 10, reserved: 2, observed: 5, headroom: 5 });
  });

  it('replaces the share policy whole and shows it back', async () => {
    const response = await api.request('PUT', '/v1/policy', {
      body: { shares: { 'team-a': 3 }, agingSeconds: 600 },
    });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      shares: { 'team-a': 3 },
      defaultWeight: 1,
      agingSeconds: 600,
    });
    const policy = await json(await api.request('GET', '/v1/policy', { key: 'read' }));
    expect(policy.shares).toEqual({ 'team-a': 3 });
    expect((await api.feed()).at(-1)?.type).toBe('SharePolicySet');
  });
});

describe('queue, audit and point-in-time views', () => {
  it('lists the queue in admission order with positions and reasons', async () => {
    await api.request('PUT', '/v1/pools/glue-prod', { body: poolBody({ capacity: { runs: 0 } }) });
    const low = await json(
      await api.request('POST', '/v1/jobs', { body: jobBody({ priorityClass: 'low' }) }),
    );
    const high = await json(
      await api.request('POST', '/v1/jobs', { body: jobBody({ priorityClass: 'high' }) }),
    );
    const queue = await json(await api.request('GET', '/v1/queue', { key: 'read' }));
    expect(queue.total).toBe(2);
    expect(queue.jobs.map((j: { jobId: string; position: number }) => [j.jobId, j.position])).toEqual([
      [high.jobId, 1],
      [low.jobId, 2],
    ]);
    expect(queue.jobs[0].pendingReason.reason).toBeTruthy();
    const limited = await json(await api.request('GET', '/v1/queue?limit=1', { key: 'read' }));
    expect(limited.jobs).toHaveLength(1);
  });

  it("reads a stream's events in version order and the global feed in pages", async () => {
    await api.request('PUT', '/v1/pools/glue-prod', { body: poolBody() });
    const { jobId } = await json(await api.request('POST', '/v1/jobs', { body: jobBody() }));
    await api.schedule();
    const stream = await json(await api.request('GET', `/v1/streams/job-${jobId}/events`, { key: 'read' }));
    expect(stream.currentVersion).toBe(2);
    expect(stream.events.map((e: { type: string }) => e.type)).toEqual(['JobSubmitted', 'JobAdmitted']);
    const page = await json(
      await api.request('GET', `/v1/streams/job-${jobId}/events?fromVersion=1&limit=1`, { key: 'read' }),
    );
    expect(page.events).toHaveLength(1);
    expect(page.next).toBe(`/v1/streams/job-${jobId}/events?fromVersion=2&limit=1`);
    expect((await api.request('GET', '/v1/streams/job-nope/events', { key: 'read' })).status).toBe(404);
    expect(
      (await api.request('GET', `/v1/streams/${encodeURIComponent('bad stream')}/events`, { key: 'read' }))
        .status,
    ).toBe(400);

    const all = await api.feed();
    const first = await json(await api.request('GET', '/v1/events?limit=2', { key: 'read' }));
    expect(first.events.map((e: { position: number }) => e.position)).toEqual(
      all.slice(0, 2).map((e) => e.position),
    );
    expect(first.isEnd).toBe(false);
    const rest = await json(await api.request('GET', first.next, { key: 'read' }));
    expect(rest.events[0].position).toBe(all[2]!.position);
  });

  it('replays the queue, the pools and a job as they were at an instant', async () => {
    await api.request('PUT', '/v1/pools/glue-prod', { body: poolBody({ capacity: { runs: 1 } }) });
    api.clock.advance(60_000);
    const { jobId } = await json(await api.request('POST', '/v1/jobs', { body: jobBody() }));
    const whileQueued = api.clock.iso();
    api.clock.advance(60_000);
    await api.schedule();
    api.clock.advance(60_000);

    const then = await json(
      await api.request('GET', `/v1/views/jobs/${jobId}?asOf=${whileQueued}`, { key: 'read' }),
    );
    expect(then).toMatchObject({ status: 'queued', queuePosition: 1, pendingReason: { code: 'admissible' } });
    expect((await json(await api.request('GET', `/v1/views/jobs/${jobId}`, { key: 'read' }))).status).toBe(
      'admitted',
    );

    const queueThen = await json(
      await api.request('GET', `/v1/views/queue?asOf=${whileQueued}`, { key: 'read' }),
    );
    expect(queueThen).toMatchObject({ total: 1, asOf: whileQueued });
    const queueNow = await json(await api.request('GET', '/v1/views/queue', { key: 'read' }));
    expect(queueNow.total).toBe(0);

    const poolsThen = await json(
      await api.request('GET', `/v1/views/pools?asOf=${whileQueued}`, { key: 'read' }),
    );
    expect(poolsThen.pools[0].reservedBy).toBe(0);
    const poolsNow = await json(await api.request('GET', '/v1/views/pools', { key: 'read' }));
    expect(poolsNow.pools[0].reservedBy).toBe(1);

    const before = new Date(Date.parse(whileQueued) - 120_000).toISOString();
    expect((await api.request('GET', `/v1/views/jobs/${jobId}?asOf=${before}`, { key: 'read' })).status).toBe(
      404,
    );
    expect((await api.request('GET', '/v1/views/queue?asOf=yesterday', { key: 'read' })).status).toBe(400);
  });
});

describe('OpenAPI and probes', () => {
  it('documents every route from the same schemas that validate it', async () => {
    const document = await json(await api.request('GET', '/v1/openapi.json', { key: null }));
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/healthz',
      '/readyz',
      '/v1/events',
      '/v1/jobs',
      '/v1/jobs/{id}',
      '/v1/openapi.json',
      '/v1/policy',
      '/v1/pools',
      '/v1/pools/{id}',
      '/v1/queue',
      '/v1/streams/{streamId}/events',
      '/v1/templates',
      '/v1/templates/{name}',
      '/v1/views/jobs/{id}',
      '/v1/views/pools',
      '/v1/views/queue',
      '/v1/whatif',
    ]);
    expect(document.info.description).toContain('validated whole and applied per item');
    expect(document.components.schemas.JobSubmission.required).toContain('priorityClass');
    expect(document.paths['/v1/jobs'].post.responses['400'].content['application/problem+json']).toBeTruthy();
  });

  it('is ready while the store answers and not once it is gone', async () => {
    expect(await json(await api.request('GET', '/readyz', { key: null }))).toEqual({ status: 'ready' });
    await api.store.close();
    const response = await api.request('GET', '/readyz', { key: null });
    expect(response.status).toBe(503);
    expect((await api.request('GET', '/healthz', { key: null })).status).toBe(200);
  });
});
