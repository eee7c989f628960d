import { headroomOf, orderedQueue, type PoolCapacity, type Views } from '@sluice/domain';
import { snapshotOf, type SchedulingPolicy } from '@sluice/scheduler';
import type { JobListing, PendingReason, PoolEntry, QueueListing } from './sluiceClient';

/**
 * Why each queued job waits as of `now`, by asking the policy as the next cycle would: the same
 * answer the API gives, so local and remote output agree.
 */
export function pendingReasons(views: Views, now: string, policy: SchedulingPolicy): Map<string, PendingReason> {
  const result = policy.cycle(snapshotOf(views, now));
  const reasons = new Map<string, PendingReason>();
  for (const w of result.waiting) reasons.set(w.jobId, { code: w.code, reason: w.reason });
  for (const a of result.admissions)
    reasons.set(a.jobId, {
      code: 'admissible',
      reason: `fits pool ${a.poolId} now; admitted at the next scheduling cycle`,
    });
  for (const c of result.cancellations) reasons.set(c.jobId, { code: 'dependency-failed', reason: c.reason });
  return reasons;
}

export function queueListingOf(views: Views, now: string, policy: SchedulingPolicy, limit: number): QueueListing {
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

export function poolEntryOf(pool: PoolCapacity): PoolEntry {
  const { reservations, ...rest } = pool;
  return { ...rest, reservedBy: Object.keys(reservations).length, headroom: headroomOf(pool) };
}

export function poolListingOf(views: Views): PoolEntry[] {
  return Object.values(views.capacity.pools)
    .sort((a, b) => (a.poolId < b.poolId ? -1 : a.poolId > b.poolId ? 1 : 0))
    .map(poolEntryOf);
}

export function jobListingOf(views: Views, filter: { status?: string; source?: string; limit: number }): JobListing[] {
  const listing: JobListing[] = [];
  for (const job of Object.values(views.jobs.jobs)) {
    if (filter.status && job.status !== filter.status) continue;
    if (filter.source && job.source !== filter.source) continue;
    const { timeline: _timeline, ...summary } = job;
    listing.push(summary);
    if (listing.length >= filter.limit) break;
  }
  return listing;
}
