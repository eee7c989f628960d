import { linkCohorts } from './cohorts';
import type { PoolCapacity } from './domain';
import { refreshHeadroom } from './fit';
import { DIMENSION_COUNT, toArray } from './vectors';

/** A pool as the cycle sees it: its limits, and what is in use including this cycle's admissions. */
export interface PoolLedger {
  readonly poolId: string;
  readonly streamVersion: number;
  /** Nominal capacity; Infinity where none is named. */
  readonly capacity: Float64Array;
  /** Hard quota; Infinity where none is named. Never exceeded, not even by borrowing. */
  readonly quota: Float64Array;
  /** The pool's own limit, min(capacity, quota): what it may use without borrowing. */
  readonly own: Float64Array;
  /** How much of its unused own limit the pool lends to its cohort; Infinity lends all of it. */
  readonly lendingLimit: Float64Array;
  /** max(reserved, observed) at the snapshot plus this cycle's reservations. */
  readonly used: Float64Array;
  /** What more fits now per dimension; kept current by `refreshHeadroom` because every fit check reads it. */
  readonly headroom: Float64Array;
  readonly cohortId: string | undefined;
  cohort: CohortLedger | undefined;
  /** Nothing still queued can fit any more; headroom only shrinks within a cycle, so it stays closed. */
  closed: boolean;
  /** Bumped whenever its headroom changes, so text describing the pool can be reused until then. */
  version: number;
}

/** Pools sharing a cohort id lend each other unused own capacity. */
export interface CohortLedger {
  readonly id: string;
  /** Sorted by pool id. */
  readonly members: PoolLedger[];
  /** Per dimension: what members can still lend minus what members have borrowed. */
  readonly slack: Float64Array;
}

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
