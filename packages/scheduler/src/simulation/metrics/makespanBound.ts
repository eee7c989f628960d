import { DIMENSIONS, limitOf, minLimits } from '@sluice/domain';
import type { Workload } from '../workload/workload';

/**
 * A lower bound on any policy's makespan (measured from the first arrival): no schedule ends before
 * the last job could have ended had it started on arrival, nor before a pool's work on a dimension
 * divided by its limit. The per-pool bound counts only jobs that can run on that pool alone; the
 * whole-system bound (all work / all capacity) covers jobs that may go to several pools.
 */
export function makespanLowerBound(workload: Workload): number {
  const jobs = workload.jobs;
  if (jobs.length === 0) return 0;
  const first = jobs.reduce((min, job) => Math.min(min, job.arrival), Infinity);
  let bound = jobs.reduce((max, job) => Math.max(max, job.arrival + job.duration), -Infinity) - first;
  const limits = new Map(workload.pools.map((p) => [p.poolId, minLimits(p.capacity, p.quotas)]));
  for (const d of DIMENSIONS) {
    const pinned = new Map<string, number>();
    let total = 0;
    for (const job of jobs) {
      const work = (job.demand[d] ?? 0) * job.duration;
      if (work === 0) continue;
      total += work;
      if (job.pools.length === 1) pinned.set(job.pools[0]!, (pinned.get(job.pools[0]!) ?? 0) + work);
    }
    for (const [poolId, work] of pinned) {
      const limit = limitOf(limits.get(poolId) ?? {}, d);
      if (Number.isFinite(limit) && limit > 0) bound = Math.max(bound, work / limit);
    }
    const capacity = [...limits.values()].reduce((sum, limit) => sum + limitOf(limit, d), 0);
    if (Number.isFinite(capacity) && capacity > 0) bound = Math.max(bound, total / capacity);
  }
  return bound;
}
