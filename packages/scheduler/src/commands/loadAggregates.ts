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

export async function loadPool(store: EventStore, poolId: string): Promise<{ state: PoolState; version: number }> {
  const { events, currentVersion } = await store.readStream(poolStreamId(poolId));
  return { state: events.reduce(evolvePool, initialPoolState(poolId)), version: currentVersion };
}
