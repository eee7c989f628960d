import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobBody, json, poolBody, startTestApi, type TestApi } from '../testing/testApi';

let api: TestApi;
beforeEach(async () => {
  api = await startTestApi();
  await api.request('PUT', '/v1/pools/glue-prod', { body: poolBody() });
});
afterEach(() => api.close());

async function admittedJob(): Promise<string> {
  const { jobId } = await json<{ jobId: string }>(await api.request('POST', '/v1/jobs', { body: jobBody() }));
  await api.schedule();
  return jobId;
}

const publish = (events: unknown[]) =>
  api.request('POST', '/v1/events', { key: 'publish', body: { events } });

describe('POST /v1/events', () => {
  it('records a run from start to success and releases the capacity in the same append', async () => {
    const jobId = await admittedJob();
    const reserved = await json(await api.request('GET', '/v1/pools', { key: 'read' }));
    expect(reserved.pools[0].reserved).toEqual({ runs: 1, dpu: 2 });

    const response = await publish([
      { type: 'JobStarted', data: { jobId, runId: 'jr_1' } },
      { type: 'JobSucceeded', data: { jobId, runId: 'jr_1' } },
    ]);
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({ accepted: 2, rejected: 0 });
    expect(body.results.map((r: { status: number }) => r.status)).toEqual([201, 201]);

    const feed = await api.feed();
    const succeeded = feed.find((e) => e.type === 'JobSucceeded')!;
    const released = feed.find((e) => e.type === 'CapacityReleased')!;
    // One atomic append: consecutive positions, the same envelope time and actor.
    expect(released.position).toBe(succeeded.position + 1);
    expect(released.data).toMatchObject({ jobId, reason: 'succeeded', demand: { runs: 1, dpu: 2 } });
    expect(body.results[1].eventIds).toEqual([succeeded.eventId, released.eventId]);

    const pools = await json(await api.request('GET', '/v1/pools', { key: 'read' }));
    expect(pools.pools[0].reserved).toEqual({ runs: 0, dpu: 0 });
    expect((await json(await api.request('GET', `/v1/jobs/${jobId}`, { key: 'read' }))).status).toBe(
      'succeeded',
    );
  });

  it('rejects a batch with any malformed item whole, naming the fields, and appends nothing', async () => {
    const jobId = await admittedJob();
    const before = await api.feed();
    const response = await publish([
      { type: 'JobStarted', data: { jobId, runId: 'jr_1' } },
      { type: 'JobFailed', data: { jobId, error: 'boom' } },
      { type: 'JobExploded', data: { jobId } },
      { type: 'PoolCapacityReported', data: { poolId: 'glue-prod', observed: { dpus: 3 } } },
    ]);
    expect(response.status).toBe(400);
    const fields = (await json<{ errors: { field: string }[] }>(response)).errors.map((e) => e.field);
    expect(fields).toEqual(['events.1.data.retryable', 'events.2.type', 'events.3.data.observed.dpus']);
    expect(await api.feed()).toEqual(before);
  });

  it('refuses an empty batch, one over 100 events, and a repeated event id', async () => {
    const before = await api.feed();
    expect((await publish([])).status).toBe(400);
    const many = Array.from({ length: 101 }, () => ({
      type: 'PoolCapacityReported',
      data: { poolId: 'glue-prod', observed: {} },
    }));
    expect((await publish(many)).status).toBe(400);
    const eventId = '01JNQ3ZK00000000000000000B';
    const twice = await publish([
      { type: 'PoolCapacityReported', eventId, data: { poolId: 'glue-prod', observed: {} } },
      { type: 'PoolCapacityReported', eventId, data: { poolId: 'glue-prod', observed: {} } },
    ]);
    expect(twice.status).toBe(400);
    expect((await json(twice)).errors[0].field).toBe('events.1.eventId');
    expect(await api.feed()).toEqual(before);
  });

  it('applies a well-formed batch per item: refused items get their own status, append nothing, and do not stop the rest', async () => {
    const jobId = await admittedJob();
    const before = await api.feed();
    const response = await publish([
      { type: 'JobSucceeded', data: { jobId } },
      { type: 'JobStarted', data: { jobId: 'no-such-job', runId: 'r' } },
      { type: 'PoolCapacityReported', data: { poolId: 'not-registered', observed: { runs: 1 } } },
      { type: 'JobStarted', data: { jobId, runId: 'jr_1' } },
      { type: 'PoolCapacityReported', data: { poolId: 'glue-prod', observed: { runs: 1, dpu: 2 } } },
    ]);
    expect(response.status).toBe(207);
    const body = await json(response);
    expect(body).toMatchObject({ accepted: 2, rejected: 3 });
    expect(body.results.map((r: { status: number }) => r.status)).toEqual([409, 404, 404, 201, 201]);
    expect(body.results[0].problem.type).toBe('urn:sluice:problem:conflict');
    const added = (await api.feed()).slice(before.length).map((e) => e.type);
    expect(added).toEqual(['JobStarted', 'PoolCapacityReported']);
  });

  it('treats an event sent again with the same eventId as already recorded', async () => {
    const jobId = await admittedJob();
    const started = {
      type: 'JobStarted',
      eventId: '01JNQ3ZK00000000000000000C',
      data: { jobId, runId: 'jr_1' },
    };
    const report = {
      type: 'PoolCapacityReported',
      eventId: '01JNQ3ZK00000000000000000D',
      data: { poolId: 'glue-prod', observed: { runs: 1 } },
    };
    const first = await json(await publish([started, report]));
    expect(first.results.map((r: { status: number }) => r.status)).toEqual([201, 201]);
    const before = await api.feed();
    const again = await publish([started, report]);
    expect(again.status).toBe(200);
    const body = await json(again);
    expect(body.results.map((r: { status: number }) => r.status)).toEqual([200, 200]);
    expect(body.results[0].positions).toEqual(first.results[0].positions);
    expect(await api.feed()).toEqual(before);
  });

  it('schedules the retry of a retryable failure with the failure, and releases capacity', async () => {
    await api.request('PUT', '/v1/templates/retrying', {
      body: {
        backend: 'glue',
        spec: {},
        demand: { runs: 1 },
        priorityClass: 'normal',
        pools: ['glue-prod'],
        maxAttempts: 2,
      },
    });
    const { jobId } = await json<{ jobId: string }>(
      await api.request('POST', '/v1/jobs', {
        body: { template: 'retrying', overrides: { source: 's', dataset: 'd' } },
      }),
    );
    await api.schedule();
    const response = await publish([
      { type: 'JobStarted', data: { jobId, runId: 'r1' } },
      { type: 'JobFailed', data: { jobId, error: 'throttled', retryable: true } },
    ]);
    expect(response.status).toBe(200);
    const types = (await api.feed()).slice(-3).map((e) => e.type);
    expect(types).toEqual(['JobFailed', 'JobRetryScheduled', 'CapacityReleased']);
    const job = await json(await api.request('GET', `/v1/jobs/${jobId}`, { key: 'read' }));
    expect(job).toMatchObject({ status: 'queued', attempt: 2 });
  });

  it('needs the publish scope', async () => {
    const response = await api.request('POST', '/v1/events', { key: 'read', body: { events: [] } });
    expect(response.status).toBe(403);
  });
});
