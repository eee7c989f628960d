import { orderedQueue, type QueuePosition, type Views } from '@sluice/domain';
import type { SchedulingPolicy } from '../policy/snapshot';
import { pendingReasons, type PendingReason } from './pendingReasons';

export interface QueueEntry extends QueuePosition {
  pendingReason?: PendingReason;
}

export interface QueueListing {
  total: number;
  /** Jobs holding a reservation (admitted or running). */
  inFlight: number;
  jobs: QueueEntry[];
}

/** The head of the queue in admission order, each with why it is pending as of `now`. */
export function queueListing(views: Views, now: string, policy: SchedulingPolicy, limit: number): QueueListing {
  const ordered = orderedQueue(views.queue);
  const reasons = ordered.length > 0 ? pendingReasons(views, now, policy) : new Map<string, PendingReason>();
  return {
    total: ordered.length,
    inFlight: Object.keys(views.queue.inFlight).length,
    jobs: ordered.slice(0, limit).map((job) => {
      const reason = reasons.get(job.jobId);
      return reason ? { ...job, pendingReason: reason } : job;
    }),
  };
}
