import { InMemoryEventStore, sequentialEventIds } from '@sluice/domain/testing';
import { describe, expect, it } from 'vitest';
import { handlePoolCommand } from './poolCommands';
import { SubmissionRefusedError } from './submissionCheck';
import { submitJob, submitJobs, submitNewJob } from './submitCommands';

const ids = sequentialEventIds(Date.UTC(2026, 2, 1));
const ctx = () => ({ now: '2026-03-01T00:00:00.000Z', actor: 'test', newEventId: ids });
const job = (jobId: string, over: Record<string, unknown> = {}) =>
  ({
    jobId,
    source: 'team-a',
    dataset: 'sales',
    priorityClass: 'normal',
    priority: 100,
    demand: { runs: 1, dpu: 2 },
    backend: 'glue',
    spec: {},
    pools: ['glue-prod'],
    ...over,
  }) as Parameters<typeof submitJob>[1];

async function storeWithPool() {
  const store = new InMemoryEventStore({ now: () => new Date('2026-03-01T00:00:00Z') });
  await handlePoolCommand(
    store,
    'glue-prod',
    { type: 'RegisterPool', data: { poolId: 'glue-prod', backend: 'glue', capacity: { runs: 50, dpu: 300 }, quotas: {} } },
    ctx(),
  );
  return store;
}
const count = async (store: InMemoryEventStore) => (await store.readAll({ limit: 10_000 })).events.length;

describe('submission commands', () => {
  it('submit a job the pools can hold, reading the pools from their streams when no view is given', async () => {
    const store = await storeWithPool();
    await submitJob(store, job('j1'), ctx());
    expect((await submitNewJob(store, job('j2'), ctx())).created).toBe(true);
    expect(await count(store)).toBe(3);
  });

  it('refuse every bad field at once and append nothing, on every path', async () => {
    const store = await storeWithPool();
    const before = await count(store);
    const bad = job('j3', { source: '', backend: 'livy', demand: { vcpu: 1e308 }, pools: ['nowhere'], maxAttempts: 0 });
    for (const submit of [
      () => submitJob(store, bad, ctx()),
      () => submitNewJob(store, bad, ctx()),
      () => submitJobs(store, [job('ok'), bad], ctx()),
    ]) {
      const refusal = await submit().catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(SubmissionRefusedError);
      expect((refusal as SubmissionRefusedError).problems.map((p) => p.field)).toEqual(['source', 'maxAttempts', 'pools.0']);
    }
    const unknownPool = await submitJob(store, job('j4', { pools: ['nowhere'] }), ctx()).catch((e: unknown) => e);
    expect((unknownPool as SubmissionRefusedError).problems).toEqual([
      { field: 'pools.0', reason: expect.stringContaining('no pool nowhere is registered; send waitForPools') },
    ]);
    expect(await count(store)).toBe(before);
  });

  it('hold every path to the size limit the API applies to a body', async () => {
    const store = await storeWithPool();
    const huge = job('j5', { spec: { blob: 'x'.repeat(2 * 1024 * 1024) } });
    const refusal = (await submitJob(store, huge, ctx()).catch((e: unknown) => e)) as SubmissionRefusedError;
    expect(refusal.problems[0]).toEqual({ field: 'spec', reason: expect.stringMatching(/at most 1048576 are accepted/) });
    expect(await count(store)).toBe(1);
  });
});
