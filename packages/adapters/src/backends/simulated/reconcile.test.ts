import {
  jobStreamId,
  jobView,
  poolStreamId,
  rebuild,
  type Backend,
  type EventStore,
  type JobViewState,
  type StoredEvent,
} from '@sluice/domain';
import { eventBuilder, sequentialEventIds } from '@sluice/domain/testing';
import { handleJobCommand, type CommandContext, reconcile } from '@sluice/scheduler';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteEventStore } from '../../stores/sqlite/sqliteEventStore';
import { SimulatedBackend } from './simulatedBackend';

const T0 = Date.UTC(2026, 0, 1);
const POOL = 'sim-pool';

async function everything(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  let after = 0;
  for (;;) {
    const page = await store.readAll({ after });
    events.push(...page.events);
    after = page.lastPosition;
    if (page.isEnd) return events;
  }
}

describe('reconcile (embedded store, simulated backends)', () => {
  let store: SqliteEventStore;
  let now: number;
  let ids: () => string;
  const b = eventBuilder({ epochMs: T0 });
  const ctx = (): CommandContext => ({
    now: new Date(now).toISOString(),
    actor: 'reconciler',
    newEventId: ids,
  });
  let succeeding: SimulatedBackend;
  let failing: SimulatedBackend;

  beforeEach(async () => {
    store = new SqliteEventStore({ filename: ':memory:' });
    now = T0 + 60_000;
    ids = sequentialEventIds(T0 + 60_000);
    succeeding = new SimulatedBackend({
      backend: 'simulated',
      clock: () => now,
      seed: 1,
      runMs: { kind: 'fixed', ms: 10_000 },
    });
    failing = new SimulatedBackend({
      backend: 'glue',
      clock: () => now,
      seed: 2,
      runMs: { kind: 'fixed', ms: 10_000 },
      failureRates: { retryable: 1 },
    });
    await store.appendToStream(
      poolStreamId(POOL),
      [b.poolRegistered(POOL, { backend: 'simulated', capacity: { runs: 10 }, quotas: {} })],
      { expectedVersion: 'noStream' },
    );
  });
  afterEach(() => store.close());

  /** Submits, admits and starts a job on a backend, as the scheduler and the runner would. */
  async function running(
    jobId: string,
    backend: SimulatedBackend,
    options: { maxAttempts?: number; runMs?: number } = {},
  ): Promise<string> {
    await store.appendToStream(
      jobStreamId(jobId),
      [
        b.jobSubmitted(jobId, {
          backend: backend.backend as Backend,
          pools: [POOL],
          demand: { runs: 1 },
          maxAttempts: options.maxAttempts ?? 1,
        }),
      ],
      { expectedVersion: 'noStream' },
    );
    const { currentVersion: poolVersion } = await store.readStream(poolStreamId(POOL));
    await store.appendAtomically([
      {
        streamId: jobStreamId(jobId),
        expectedVersion: 1,
        events: [
          b.event({
            type: 'JobAdmitted',
            data: { jobId, poolId: POOL, reservation: { runs: 1 }, reason: 'test' },
          }),
        ],
      },
      {
        streamId: poolStreamId(POOL),
        expectedVersion: poolVersion,
        events: [b.event({ type: 'CapacityReserved', data: { poolId: POOL, jobId, demand: { runs: 1 } } })],
      },
    ]);
    const { runId } = await backend.start({
      jobId,
      attempt: 1,
      backend: backend.backend,
      poolId: POOL,
      spec: {},
      demand: { runs: 1 },
    });
    await handleJobCommand(store, jobId, { type: 'StartJob', runId }, ctx());
    return runId;
  }

  async function jobs(): Promise<JobViewState> {
    return rebuild(jobView, await everything(store));
  }

  async function typesOf(jobId: string): Promise<string[]> {
    return (await store.readStream(jobStreamId(jobId))).events.map((e) => e.type);
  }

  it('records runs that ended unreported, fails lost runs, and leaves running ones alone', async () => {
    await running('ok', succeeding);
    await running('broken', failing, { maxAttempts: 2 });
    const cancelled = await running('cancelled', succeeding);
    const lost = await running('lost', succeeding);
    const stopped = await running('stopped-outside', succeeding);
    const gone = await running('gone-after-cancel', succeeding);
    now += 5_000;
    await running('still-running', succeeding);

    await handleJobCommand(store, 'cancelled', { type: 'CancelJob', reason: 'operator' }, ctx());
    await succeeding.cancel(cancelled);
    await handleJobCommand(store, 'gone-after-cancel', { type: 'CancelJob', reason: 'operator' }, ctx());
    succeeding.forget(gone);
    succeeding.forget(lost);
    await succeeding.cancel(stopped);
    now += 6_000;

    const report = await reconcile({
      store,
      jobs: await jobs(),
      backends: { simulated: succeeding, glue: failing },
      context: ctx(),
    });

    expect(report.checked).toBe(7);
    expect(Object.fromEntries(report.applied.map((d) => [d.jobId, d.command.type]))).toEqual({
      ok: 'CompleteJob',
      broken: 'FailJob',
      cancelled: 'ConfirmCancellation',
      lost: 'FailJob',
      'stopped-outside': 'FailJob',
      'gone-after-cancel': 'ConfirmCancellation',
    });
    expect(await typesOf('ok')).toContain('JobSucceeded');
    expect((await typesOf('broken')).slice(-2)).toEqual(['JobFailed', 'JobRetryScheduled']);
    expect(await typesOf('cancelled')).toContain('JobCancelled');
    expect(await typesOf('gone-after-cancel')).toContain('JobCancelled');
    const view = await jobs();
    expect(view.jobs.lost).toMatchObject({ status: 'failed' });
    expect(view.jobs.lost!.lastError).toMatch(/^run lost: simulated has no run sim-lost-a1/);
    expect(view.jobs['stopped-outside']!.lastError).toMatch(/^stopped outside Sluice/);
    expect(view.jobs['still-running']!.status).toBe('running');

    // Every ended job freed its reservation, in the same append as its ending.
    const released = (await store.readStream(poolStreamId(POOL))).events
      .filter((e) => e.type === 'CapacityReleased')
      .map((e) => (e.data as { jobId: string }).jobId);
    expect(released.sort()).toEqual([
      'broken',
      'cancelled',
      'gone-after-cancel',
      'lost',
      'ok',
      'stopped-outside',
    ]);
  });

  it('does nothing more on a second pass, and drops decisions a stale view would repeat', async () => {
    await running('ok', succeeding);
    now += 20_000;
    const stale = await jobs();
    const first = await reconcile({
      store,
      jobs: stale,
      backends: { simulated: succeeding },
      context: ctx(),
    });
    expect(first.applied).toHaveLength(1);

    const again = await reconcile({
      store,
      jobs: await jobs(),
      backends: { simulated: succeeding },
      context: ctx(),
    });
    expect(again).toEqual({ checked: 0, applied: [], superseded: [], unavailable: [] });

    const replayed = await reconcile({
      store,
      jobs: stale,
      backends: { simulated: succeeding },
      context: ctx(),
    });
    expect(replayed.applied).toEqual([]);
    expect(replayed.superseded.map((d) => d.jobId)).toEqual(['ok']);
    expect((await typesOf('ok')).filter((t) => t === 'JobSucceeded')).toHaveLength(1);
  });

  it('uses a backend’s run listing where a pool probe is given, and skips backends it cannot ask', async () => {
    await running('listed', succeeding);
    await running('unconfigured', failing);
    now += 20_000;
    let statusCalls = 0;
    const counting = Object.assign(Object.create(succeeding) as SimulatedBackend, {
      status: (runId: string) => {
        statusCalls += 1;
        return succeeding.status(runId);
      },
    });
    const report = await reconcile({
      store,
      jobs: await jobs(),
      backends: { simulated: counting },
      context: ctx(),
      pools: [{ poolId: POOL, backend: 'simulated', config: {} }],
    });
    expect(report.applied.map((d) => d.jobId)).toEqual(['listed']);
    expect(statusCalls).toBe(0);
    expect(report.unavailable).toEqual([{ jobId: 'unconfigured', detail: 'no glue backend is configured' }]);
  });
});
