import { describe, expect, it } from 'vitest';
import { allViews, sequentialEventIds, type StoredEvent } from '@sluice/domain';
import {
  JobRunner,
  ProjectionRunner,
  admitJob,
  handleJobCommand,
  handlePoolCommand,
  submitJob,
  type CommandContext,
} from '@sluice/scheduler';
import { SqliteEventStore } from '../../stores/sqlite/sqliteEventStore';
import { SimulatedBackend } from './simulatedBackend';
import { readEverything } from '@sluice/domain/testing/eventStoreContract';

/** A store with one pool and jobs admitted to it, a simulated Glue backend and a runner on a manual clock. */
async function setup(options: {
  jobs: number;
  maxAttempts?: number;
  failureRates?: { retryable?: number; permanent?: number };
}) {
  let now = Date.UTC(2026, 0, 1);
  const nextId = sequentialEventIds(now);
  const ctx = (actor: string): CommandContext => ({
    now: new Date(now).toISOString(),
    actor,
    newEventId: nextId,
  });
  const store = new SqliteEventStore({ filename: ':memory:', now: () => new Date(now) });
  await handlePoolCommand(
    store,
    'glue',
    {
      type: 'RegisterPool',
      data: { poolId: 'glue', backend: 'glue', capacity: { runs: 10 }, quotas: { runs: 10 } },
    },
    ctx('setup'),
  );
  const backend = new SimulatedBackend({
    backend: 'glue',
    clock: () => now,
    seed: 42,
    runMs: { kind: 'fixed', ms: 60_000 },
    ...(options.failureRates ? { failureRates: options.failureRates } : {}),
  });
  const runner = new JobRunner({ store, backends: { glue: backend }, context: ctx, clockMs: () => now });
  const views = await ProjectionRunner.start(store, allViews());
  for (let i = 0; i < options.jobs; i++) {
    await submitJob(
      store,
      {
        jobId: `j${i}`,
        source: 's',
        dataset: 'd',
        priorityClass: 'normal',
        priority: 100,
        demand: { runs: 1 },
        backend: 'glue',
        spec: {},
        pools: ['glue'],
        maxAttempts: options.maxAttempts ?? 1,
      },
      ctx('api'),
    );
    await views.catchUp();
    const pool = views.state.capacity.pools.glue!;
    await admitJob(
      store,
      {
        jobId: `j${i}`,
        poolId: 'glue',
        reservation: { runs: 1 },
        reason: 'test',
        jobStreamVersion: 1,
        poolStreamVersion: pool.streamVersion,
      },
      views.state.queue.pending[`j${i}`]!,
      pool,
      ctx('scheduler'),
    );
  }
  let after = 0;
  const pump = async () => {
    const page = await store.readAll({ after, limit: 10_000 });
    after = page.lastPosition;
    runner.observe(page.events);
    await runner.tick();
  };
  return { store, backend, runner, pump, advance: (ms: number) => (now += ms) };
}

const types = (events: StoredEvent[], jobId: string) =>
  events.filter((e) => e.streamId === `job-${jobId}`).map((e) => e.type);

describe('JobRunner with a simulated backend on the embedded store', () => {
  it('starts admitted jobs once, polls them, and records their end with the capacity released', async () => {
    const { store, backend, pump, advance } = await setup({ jobs: 3 });
    await pump();
    await pump(); // a second pass must not start anything twice
    expect(backend.launched).toBe(3);
    advance(61_000);
    await pump();
    const events = await readEverything(store);
    for (const jobId of ['j0', 'j1', 'j2']) {
      expect(types(events, jobId)).toEqual(['JobSubmitted', 'JobAdmitted', 'JobStarted', 'JobSucceeded']);
    }
    expect(events.filter((e) => e.type === 'CapacityReleased')).toHaveLength(3);
  });

  it('keeps a busy start admitted and retries it later; fails a rejected start with the backend message', async () => {
    const { store, backend, pump, advance } = await setup({ jobs: 2 });
    backend.refuseNextStart('busy');
    backend.refuseNextStart('rejected');
    await pump();
    let events = await readEverything(store);
    expect(types(events, 'j0')).toEqual(['JobSubmitted', 'JobAdmitted']);
    expect(types(events, 'j1')).toEqual(['JobSubmitted', 'JobAdmitted', 'JobFailed']);
    expect(events.find((e) => e.type === 'JobFailed')?.data).toMatchObject({ jobId: 'j1', retryable: false });
    advance(5_000);
    await pump();
    events = await readEverything(store);
    expect(types(events, 'j0')).toEqual(['JobSubmitted', 'JobAdmitted', 'JobStarted']);
  });

  it('resumes after a restart without starting a run twice', async () => {
    const { store, backend, pump } = await setup({ jobs: 2 });
    await pump();
    expect(backend.launched).toBe(2);
    const views = await ProjectionRunner.start(store, allViews());
    const restarted = new JobRunner({
      store,
      backends: { glue: backend },
      context: (actor) => ({
        now: new Date().toISOString(),
        actor,
        newEventId: sequentialEventIds(Date.UTC(2026, 1, 1)),
      }),
      clockMs: () => 0,
    });
    restarted.resume(views.state.jobs);
    expect(restarted.activeJobs).toBe(2);
    await restarted.tick();
    expect(backend.launched).toBe(2);
  });

  it('sends a cancellation request to the backend and records the cancellation it confirms', async () => {
    const { store, pump } = await setup({ jobs: 1 });
    await pump();
    await handleJobCommand(
      store,
      'j0',
      { type: 'CancelJob', reason: 'operator' },
      { now: '2026-01-01T00:00:10.000Z', actor: 'op', newEventId: sequentialEventIds(Date.UTC(2026, 2, 1)) },
    );
    await pump(); // sends the cancellation
    await pump(); // polls: the backend reports the run cancelled
    const events = await readEverything(store);
    expect(types(events, 'j0')).toEqual([
      'JobSubmitted',
      'JobAdmitted',
      'JobStarted',
      'JobCancellationRequested',
      'JobCancelled',
    ]);
    expect(events.at(-1)?.type).toBe('CapacityReleased');
  });
});
