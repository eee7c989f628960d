import { DIMENSIONS, limitOf, minLimits, type Dimension } from '@sluice/domain';
import type { Workload } from '@sluice/scheduler';

export interface PoolLoad {
  /** Demanded resource-seconds over limit × span, per dimension the pool limits. */
  byDimension: Partial<Record<Dimension, number>>;
  /** The largest of them: the dimension that saturates first. */
  busiest: number;
}

export interface OfferedLoad {
  /** From the first arrival to the last. */
  spanSeconds: number;
  pools: Record<string, PoolLoad>;
}

/**
 * The load a trace offers each pool: per dimension, the work of the jobs bound to the pool (its
 * first listed pool) over the pool's limit times the arrival span. Above 1 in any dimension, the
 * pool cannot keep up while jobs arrive and its queue grows until arrivals stop.
 */
export function offeredLoad(workload: Pick<Workload, 'jobs' | 'pools'>): OfferedLoad {
  const arrivals = workload.jobs.map((job) => job.arrival);
  const spanSeconds = arrivals.length > 0 ? Math.max(...arrivals) - Math.min(...arrivals) : 0;
  const pools: Record<string, PoolLoad> = {};
  for (const pool of workload.pools) {
    const limit = minLimits(pool.capacity, pool.quotas);
    const jobs = workload.jobs.filter((job) => job.pools[0] === pool.poolId);
    const byDimension: Partial<Record<Dimension, number>> = {};
    let busiest = 0;
    for (const d of DIMENSIONS) {
      const max = limitOf(limit, d);
      if (!Number.isFinite(max) || max <= 0) continue;
      const work = jobs.reduce((sum, job) => sum + (job.demand[d] ?? 0) * job.duration, 0);
      const load = spanSeconds > 0 ? work / (max * spanSeconds) : 0;
      byDimension[d] = load;
      busiest = Math.max(busiest, load);
    }
    pools[pool.poolId] = { byDimension, busiest };
  }
  return { spanSeconds, pools };
}
