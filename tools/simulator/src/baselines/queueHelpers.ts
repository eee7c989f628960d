import { TERMINAL_STATUSES, type QueuedJob } from '@sluice/domain';
import type { Admission, SchedulingSnapshot, PendingJobReason } from '@sluice/scheduler';
import type { PoolRoom } from './poolRooms';

/** Arrival order: submission time, then the store's global position. */
export function byArrival(a: QueuedJob, b: QueuedJob): number {
  return (
    (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0) ||
    a.submittedPosition - b.submittedPosition
  );
}

/** Queue order: class (the job's priority value) first, then arrival. */
export function byPriorityThenArrival(a: QueuedJob, b: QueuedJob): number {
  return b.priority - a.priority || byArrival(a, b);
}

/** Not held back by a cancellation, a retry backoff or an unfinished dependency. */
export function readyToRun(job: QueuedJob, snapshot: SchedulingSnapshot, nowMs: number): boolean {
  if (job.cancelRequested) return false;
  if (job.notBefore !== undefined && Date.parse(job.notBefore) > nowMs) return false;
  return (job.dependsOn ?? []).every((dependency) => {
    const status = snapshot.dependencyStatus[dependency.jobId];
    if (status === undefined) return false;
    return dependency.condition === 'afterSuccess'
      ? status === 'succeeded'
      : TERMINAL_STATUSES.includes(status);
  });
}

export function admissionOf(job: QueuedJob, room: PoolRoom, reason: string): Admission {
  return {
    jobId: job.jobId,
    poolId: room.poolId,
    reservation: job.demand,
    reason,
    jobStreamVersion: job.streamVersion,
    poolStreamVersion: room.streamVersion,
  };
}

/**
 * Reasons for the head of the queue only, as Sluice's `maxReasons` does: with thousands queued,
 * building a reason per job per cycle would cost more than the decisions.
 */
export const MAX_WAITING_REASONS = 20;

export function pendingReasons() {
  const list: PendingJobReason[] = [];
  return {
    list,
    get full() {
      return list.length >= MAX_WAITING_REASONS;
    },
    add(jobId: string, code: string, reason: string): void {
      if (list.length < MAX_WAITING_REASONS) list.push({ jobId, code, reason });
    },
  };
}
