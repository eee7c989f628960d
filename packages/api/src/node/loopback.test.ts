import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveNode, type RunningServer } from './serveNode';
import { fuzzRequestArbitrary } from '../testing/fuzzRequests';
import {
  jobBody,
  poolBody,
  requestInit,
  startTestApi,
  type Loose,
  type RequestOptions,
  type TestApi,
} from '../testing/testApi';

let api: TestApi;
let server: RunningServer;
beforeAll(async () => {
  api = await startTestApi();
  server = await serveNode(api.app, { port: 0 });
});
afterAll(async () => {
  await server.close();
  await api.close();
});

async function call(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<{ status: number; body: Loose; headers: Headers }> {
  const response = await fetch(server.url + path, requestInit(method, api.keys, options));
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Loose) : {},
    headers: response.headers,
  };
}

describe('the API over real HTTP on loopback', () => {
  it('listens on a free loopback port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('takes a job from submission through admission to success, freeing the pool', async () => {
    expect(
      (
        await call('PUT', '/v1/pools/emr-main', {
          body: poolBody({ backend: 'emr', capacity: { vcpu: 64, runs: 2 } }),
        })
      ).status,
    ).toBe(201);
    expect((await call('PUT', '/v1/policy', { body: { shares: { analytics: 2, ingest: 1 } } })).status).toBe(
      200,
    );
    const submit = (i: number) =>
      call('POST', '/v1/jobs', {
        key: 'publish',
        headers: { 'idempotency-key': `batch-7-step-${i}` },
        body: jobBody({
          backend: 'emr',
          pools: ['emr-main'],
          demand: { vcpu: 16, runs: 1 },
          source: i % 2 ? 'analytics' : 'ingest',
        }),
      });
    const jobs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await submit(i);
      expect(response.status).toBe(201);
      jobs.push(response.body.jobId as string);
    }
    const retried = await submit(1);
    expect(retried.status).toBe(200);
    expect(retried.body.jobId).toBe(jobs[1]);

    await api.schedule();
    const queue = await call('GET', '/v1/queue', { key: 'read' });
    expect(queue.body.total).toBe(1);
    expect(queue.body.inFlight).toBe(2);
    expect(queue.body.jobs[0].pendingReason.reason).toBeTruthy();

    const admitted: string[] = [];
    for (const jobId of jobs) {
      const job = await call('GET', `/v1/jobs/${jobId}`, { key: 'read' });
      if (job.body.status === 'admitted') admitted.push(jobId);
    }
    expect(admitted).toHaveLength(2);
    const report = await call('POST', '/v1/events', {
      key: 'publish',
      body: {
        events: admitted.flatMap((jobId, i) => [
          { type: 'JobStarted', data: { jobId, runId: `s-${i}` } },
          { type: 'JobSucceeded', data: { jobId } },
        ]),
      },
    });
    expect(report.status).toBe(200);
    expect(report.body.accepted).toBe(4);

    const pools = await call('GET', '/v1/pools', { key: 'read' });
    const runs = pools.body.pools[0].headroom.find((h: { dimension: string }) => h.dimension === 'runs');
    expect(runs).toMatchObject({ reserved: 0, headroom: 2 });
    await api.schedule();
    const last = jobs.find((j) => !admitted.includes(j))!;
    expect((await call('GET', `/v1/jobs/${last}`, { key: 'read' })).body.status).toBe('admitted');
    const succeeded = await call('GET', '/v1/jobs?status=succeeded', { key: 'read' });
    expect(succeeded.body.jobs.map((j: { jobId: string }) => j.jobId).sort()).toEqual([...admitted].sort());
  });

  it('refuses over HTTP what it refuses in process: 401, 413, 415, 400', async () => {
    const before = await api.feed();
    expect((await call('GET', '/v1/queue', { key: null })).status).toBe(401);
    const huge = JSON.stringify(jobBody({ spec: { blob: 'x'.repeat(1024 * 1024 + 1) } }));
    expect(
      (await call('POST', '/v1/jobs', { headers: { 'content-type': 'application/json' }, rawBody: huge }))
        .status,
    ).toBe(413);
    expect(
      (await call('POST', '/v1/jobs', { headers: { 'content-type': 'text/csv' }, rawBody: 'a,b' })).status,
    ).toBe(415);
    const bad = await call('POST', '/v1/jobs', { body: jobBody({ demand: { gpu: -1 } }) });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    expect(bad.body.errors).toEqual([{ field: 'demand.gpu', reason: expect.any(String) }]);
    expect(await api.feed()).toEqual(before);
  });

  it('answers only 4xx to a sample of fuzzed requests, and appends nothing', async () => {
    const before = await api.feed();
    await fc.assert(
      fc.asyncProperty(fuzzRequestArbitrary({ withContentLength: false }), async (request) => {
        const response = await fetch(
          server.url + request.path,
          requestInit(request.method, api.keys, {
            key: request.key,
            rawBody: request.body,
            headers: request.headers,
          }),
        );
        await response.arrayBuffer();
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
    expect(await api.feed()).toEqual(before);
  }, 60_000);
});
