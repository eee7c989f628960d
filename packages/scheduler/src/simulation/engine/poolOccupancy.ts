import { DIMENSIONS, minLimits, type ResourceVector } from '@sluice/domain';
import type { SimPool } from '../workload/workload';

export interface PoolOccupancyReport {
  poolId: string;
  /** min(capacity, quota) per dimension it limits. */
  limit: ResourceVector;
  /** The most ever reserved at once, per dimension. */
  peak: ResourceVector;
  /** Reserved amount integrated over virtual time (resource-seconds). */
  reservedSeconds: ResourceVector;
}

/**
 * What each pool holds over time, counted by the simulator itself from the admissions it applied
 * rather than read back from the views, so it can check the views' guard independently.
 */
export function poolOccupancy(pools: readonly SimPool[]) {
  const n = DIMENSIONS.length;
  const index = new Map(pools.map((p, i) => [p.poolId, i]));
  const reserved = pools.map(() => new Float64Array(n));
  const peak = pools.map(() => new Float64Array(n));
  const seconds = pools.map(() => new Float64Array(n));

  const change = (poolId: string, demand: ResourceVector, sign: 1 | -1) => {
    const i = index.get(poolId);
    if (i === undefined) return;
    const held = reserved[i] as Float64Array;
    const top = peak[i] as Float64Array;
    for (let d = 0; d < n; d++) {
      const amount = demand[DIMENSIONS[d]!] ?? 0;
      if (amount === 0) continue;
      held[d] = (held[d] ?? 0) + sign * amount;
      if ((held[d] ?? 0) > (top[d] ?? 0)) top[d] = held[d] ?? 0;
    }
  };

  return {
    reserve: (poolId: string, demand: ResourceVector) => change(poolId, demand, 1),
    release: (poolId: string, demand: ResourceVector) => change(poolId, demand, -1),
    /** Accounts for `dt` seconds at the current holdings. */
    elapse(dt: number): void {
      if (dt <= 0) return;
      for (let i = 0; i < pools.length; i++) {
        const held = reserved[i] as Float64Array;
        const total = seconds[i] as Float64Array;
        for (let d = 0; d < n; d++) total[d] = (total[d] ?? 0) + (held[d] ?? 0) * dt;
      }
    },
    report(): PoolOccupancyReport[] {
      return pools.map((pool, i) => ({
        poolId: pool.poolId,
        limit: minLimits(pool.capacity, pool.quotas),
        peak: vectorOf(peak[i] as Float64Array),
        reservedSeconds: vectorOf(seconds[i] as Float64Array),
      }));
    },
  };
}

function vectorOf(values: Float64Array): ResourceVector {
  const out: ResourceVector = {};
  DIMENSIONS.forEach((d, i) => {
    if ((values[i] ?? 0) > 0) out[d] = values[i] ?? 0;
  });
  return out;
}
