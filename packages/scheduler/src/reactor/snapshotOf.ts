import type { JobStatus, QueuedJob, Views } from '@sluice/domain';
import type { PendingIndex } from '../policy/pendingIndex';
import type { SchedulingSnapshot } from '../policy/snapshot';

/**
 * The policy's input, taken from the live views at one instant. With the views' pending index,
 * only the gated jobs are read for their dependencies; without one, the whole queue is.
 */
export function snapshotOf(views: Views, now: string, pendingIndex?: PendingIndex): SchedulingSnapshot {
  const index = pendingIndex?.follows(views.queue) ? pendingIndex : undefined;
  const dependencyStatus: Record<string, JobStatus> = {};
  const withDependencies: Iterable<{ job: QueuedJob }> = index
    ? index.gated()
    : Object.values(views.queue.pending).map((job) => ({ job }));
  for (const { job } of withDependencies) {
    for (const dependency of job.dependsOn ?? []) {
      const status = views.jobs.jobs[dependency.jobId]?.status;
      if (status) dependencyStatus[dependency.jobId] = status;
    }
  }
  return {
    now,
    queue: views.queue,
    capacity: views.capacity,
    usage: views.usage,
    policy: views.policy,
    dependencyStatus,
    runs: views.runs,
    ...(index ? { pendingIndex: index } : {}),
  };
}
