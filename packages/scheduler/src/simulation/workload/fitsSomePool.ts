import { DIMENSIONS, limitOf, minLimits, type ResourceVector } from '@sluice/domain';
import type { SimPool } from './workload';

/** True when the demand fits at least one of the pools while it is empty; otherwise it could never run. */
export function fitsSomePool(
  demand: ResourceVector,
  poolIds: readonly string[],
  pools: readonly SimPool[],
): boolean {
  return poolIds.some((poolId) => {
    const pool = pools.find((p) => p.poolId === poolId);
    if (!pool) return false;
    const limit = minLimits(pool.capacity, pool.quotas);
    return DIMENSIONS.every((d) => (demand[d] ?? 0) <= limitOf(limit, d));
  });
}
