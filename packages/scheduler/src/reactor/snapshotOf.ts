import type { JobStatus, Views } from '@sluice/domain';
import type { SchedulingSnapshot } from '../policy/snapshot';

/** The policy's input, taken from the live views at one instant. */
export function snapshotOf(views: Views, now: string): SchedulingSnapshot {
  const dependencyStatus: Record<string, JobStatus> = {};
  for (const job of Object.values(views.queue.pending)) {
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
  };
}
