import { DIMENSIONS, type Dimension } from '@sluice/domain';
import type { PoolOccupancyReport } from '../engine/poolOccupancy';

/**
 * Time-integrated reserved / capacity over the makespan, per dimension across the pools that limit
 * it, and per pool. Dimensions no pool limits are left out: there is no capacity to be a share of.
 */
export function utilization(occupancy: readonly PoolOccupancyReport[], makespanSeconds: number) {
  const overall: Partial<Record<Dimension, number>> = {};
  const byPool: Record<string, Partial<Record<Dimension, number>>> = {};
  if (makespanSeconds <= 0) return { overall, byPool };
  for (const d of DIMENSIONS) {
    let used = 0;
    let capacity = 0;
    for (const pool of occupancy) {
      const limit = pool.limit[d];
      if (limit === undefined || limit <= 0) continue;
      const seconds = pool.reservedSeconds[d] ?? 0;
      used += seconds;
      capacity += limit;
      (byPool[pool.poolId] ??= {})[d] = seconds / (limit * makespanSeconds);
    }
    if (capacity > 0) overall[d] = used / (capacity * makespanSeconds);
  }
  return { overall, byPool };
}
