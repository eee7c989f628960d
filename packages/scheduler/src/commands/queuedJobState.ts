import type { JobState, QueuedJob } from '@sluice/domain';

/**
 * The job aggregate's state as the queue view knows it: enough for the admission (or cancellation)
 * decision, so a scheduler need not read the job stream. The spec is not in the view and no
 * decision on a queued job reads it.
 */
export function queuedJobState(queued: QueuedJob): JobState {
  return {
    status: 'queued',
    attempt: queued.attempt,
    cancelRequested: queued.cancelRequested,
    ...(queued.notBefore ? { notBefore: queued.notBefore } : {}),
    job: {
      jobId: queued.jobId,
      source: queued.source,
      dataset: queued.dataset,
      priorityClass: queued.priorityClass,
      priority: queued.priority,
      demand: queued.demand,
      backend: 'simulated',
      spec: {},
      pools: queued.pools,
      maxAttempts: queued.maxAttempts,
    },
  };
}
