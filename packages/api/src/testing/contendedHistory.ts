import type { EventStore } from '@sluice/domain';
import {
  ProjectionRunner,
  SchedulerReactor,
  apiViews,
  handleJobCommand,
  handlePoolCommand,
  setSharePolicy,
  sluicePolicy,
  submitJobs,
} from '@sluice/scheduler';

export const CONTENDED_POOL = 'shared';
export const CONTENDED_SOURCES = ['team-a', 'team-b'] as const;
/** The policy the history is recorded under: the two sources share equally. */
export const RECORDED_SHARES = { 'team-a': 1, 'team-b': 1 };

export interface HistoryClock {
  now: () => Date;
  advance: (ms: number) => void;
}

/**
 * A small contended history recorded the way the live system records it: one pool that runs one
 * job at a time, `jobs` jobs queued at once by two equally weighted sources, a real reactor
 * admitting them cycle by cycle, and a runner that starts each admitted job a second later and
 * completes it a minute after that. Every source has jobs waiting for most of the history, so a
 * weight change moves them.
 */
export async function recordContendedHistory(
  store: EventStore,
  clock: HistoryClock,
  newId: () => string,
  jobs = 12,
): Promise<void> {
  const ctx = (actor: string) => ({ now: clock.now().toISOString(), actor, newEventId: newId });
  await handlePoolCommand(
    store,
    CONTENDED_POOL,
    { type: 'RegisterPool', data: { poolId: CONTENDED_POOL, backend: 'simulated', capacity: { runs: 1 }, quotas: {} } },
    ctx('operator'),
  );
  await setSharePolicy(store, { shares: RECORDED_SHARES }, ctx('operator'));
  await submitJobs(
    store,
    Array.from({ length: jobs }, (_, i) => ({
      jobId: `job-${newId()}`,
      source: CONTENDED_SOURCES[i % CONTENDED_SOURCES.length]!,
      dataset: 'sales',
      priorityClass: 'normal',
      priority: 100,
      demand: { runs: 1 },
      backend: 'simulated' as const,
      spec: {},
      pools: [CONTENDED_POOL],
    })),
    ctx('pipeline'),
  );
  const reactor = new SchedulerReactor({
    store,
    policy: sluicePolicy,
    views: await ProjectionRunner.start(store, apiViews()),
    instanceId: 'recorder',
    clock: clock.now,
    newEventId: newId,
  });
  for (let admittedSoFar = 0; admittedSoFar < jobs; ) {
    clock.advance(5);
    const { admitted } = await reactor.runCycle();
    if (admitted.length === 0) throw new Error('the contended history stalled: a cycle admitted nothing');
    admittedSoFar += admitted.length;
    for (const jobId of admitted) {
      clock.advance(1000);
      await handleJobCommand(store, jobId, { type: 'StartJob', runId: `run-${jobId}` }, ctx('runner'));
      clock.advance(60_000);
      await handleJobCommand(store, jobId, { type: 'CompleteJob' }, ctx('runner'));
    }
  }
}
