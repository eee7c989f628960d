import type { QueuedJob } from '@sluice/domain';

/** How long a planner assumes the job holds what it takes: its estimate, else for ever (no time limit). */
export function plannedDurationMs(job: Pick<QueuedJob, 'estimateSeconds'>): number {
  return job.estimateSeconds !== undefined ? job.estimateSeconds * 1000 : Infinity;
}
