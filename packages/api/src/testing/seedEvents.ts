import type { EventStore } from '@sluice/domain';
import { handlePoolCommand, submitJobs } from '@sluice/scheduler';
import { monotonicFactory } from 'ulid';
import { issueApiKey, type IssuedApiKey } from '../auth/issueApiKey';

const newId = monotonicFactory();
export const seedContext = () => ({
  now: new Date().toISOString(),
  actor: 'test:seed',
  newEventId: () => newId(),
});

/** A pool that fits one job at a time, a key per scope, and the given number of queued jobs. */
export async function seedWorkload(
  store: EventStore,
  jobs: number,
): Promise<{ keys: Record<'admin' | 'publish' | 'read', IssuedApiKey>; jobIds: string[] }> {
  const keys = {
    admin: await issueApiKey(store, { name: 'admin', scopes: ['admin'] }, seedContext()),
    publish: await issueApiKey(store, { name: 'publish', scopes: ['publish'] }, seedContext()),
    read: await issueApiKey(store, { name: 'read', scopes: ['read'] }, seedContext()),
  };
  await handlePoolCommand(
    store,
    'glue-prod',
    {
      type: 'RegisterPool',
      data: { poolId: 'glue-prod', backend: 'glue', capacity: { runs: 1 }, quotas: {} },
    },
    seedContext(),
  );
  const jobIds = Array.from({ length: jobs }, () => `job-${newId()}`);
  if (jobs > 0) {
    await submitJobs(
      store,
      jobIds.map((jobId) => ({
        jobId,
        source: 'team-a',
        dataset: 'sales',
        priorityClass: 'normal',
        priority: 100,
        demand: { runs: 1 },
        backend: 'glue',
        spec: {},
        pools: ['glue-prod'],
      })),
      seedContext(),
    );
  }
  return { keys, jobIds };
}
