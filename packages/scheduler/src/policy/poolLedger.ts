import { linkCohorts } from './cohorts';
import type { PoolCapacity } from './domain';
import { refreshHeadroom } from './fit';
import type { PoolLedger } from './ledgers';
import { DIMENSION_COUNT, toArray } from './vectors';

export type { CohortLedger, PoolLedger } from './ledgers';

/** Every registered pool of the capacity view, keyed by id, linked into cohorts, headroom computed. */
export function poolLedgers(pools: Record<string, PoolCapacity>): Map<string, PoolLedger> {
  const ledgers = new Map<string, PoolLedger>();
  for (const poolId of Object.keys(pools).sort()) {
    const pool = pools[poolId];
    if (!pool?.registered) continue;
    const capacity = toArray(pool.capacity, Infinity);
    const quota = toArray(pool.quotas, Infinity);
    const reserved = toArray(pool.reserved, 0);
    const observed = toArray(pool.observed, 0);
    const own = new Float64Array(DIMENSION_COUNT);
    const used = new Float64Array(DIMENSION_COUNT);
    for (let d = 0; d < DIMENSION_COUNT; d++) {
      own[d] = Math.min(capacity[d] ?? Infinity, quota[d] ?? Infinity);
      used[d] = Math.max(reserved[d] ?? 0, observed[d] ?? 0);
    }
    ledgers.set(poolId, {
      poolId,
      streamVersion: pool.streamVersion,
      capacity,
      quota,
      own,
      lendingLimit: toArray(pool.lendingLimit ?? {}, Infinity),
      used,
      headroom: new Float64Array(DIMENSION_COUNT),
      cohortId: pool.cohort,
      cohort: undefined,
      closed: false,
      version: 0,
    });
  }
  linkCohorts(ledgers.values());
  for (const pool of ledgers.values()) refreshHeadroom(pool);
  return ledgers;
}
