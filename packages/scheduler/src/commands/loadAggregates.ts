import {
  evolveJob,
  evolvePool,
  initialJobState,
  initialPoolState,
  jobStreamId,
  poolStreamId,
  type EventStore,
  type JobState,
  type PoolState,
} from '@sluice/domain';

export async function loadJob(store: EventStore, jobId: string): Promise<{ state: JobState; version: number }> {
  const { events, currentVersion } = await store.readStream(jobStreamId(jobId));
  return { state: events.reduce(evolveJob, initialJobState()), version: currentVersion };
}

/**
 * The job with the time its current run started: the last JobStarted's recordedAt, since a retry
 * starts a new run. The store's clock, not the caller's, so a run's time-out is measured the same
 * way whichever runner reads it.
 */
export async function loadJobRun(
  store: EventStore,
  jobId: string,
): Promise<{ state: JobState; version: number; runStartedAt?: string }> {
  const { events, currentVersion } = await store.readStream(jobStreamId(jobId));
  const started = events.findLast((event) => event.type === 'JobStarted');
  return {
    state: events.reduce(evolveJob, initialJobState()),
    version: currentVersion,
    ...(started ? { runStartedAt: started.recordedAt } : {}),
  };
}

export async function loadPool(store: EventStore, poolId: string): Promise<{ state: PoolState; version: number }> {
  const { events, currentVersion } = await store.readStream(poolStreamId(poolId));
  return { state: events.reduce(evolvePool, initialPoolState(poolId)), version: currentVersion };
}
