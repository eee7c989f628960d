import type { CohortLedger, PoolLedger } from './ledgers';
import { DIMENSION_COUNT } from './vectors';

/*
 * Cohorts, kept simple (Kueue's borrowing without preemption). Per dimension, a pool's own limit is
 * min(capacity, quota). Below it, the part of its unused own limit up to `lendingLimit` (all of it
 * when none is named) is lendable; the rest is guaranteed to the pool. A pool may use its
 * guaranteed part freely; anything beyond draws on the cohort's slack,
 *
 *   slack = sum of members' lendable - sum of members' borrowed (use above their own limit),
 *
 * and an admission may draw at most the slack. Borrowing never passes the borrower's quota. Since
 * a lender cannot take back what it lent without preemption, a lender's own admissions that eat
 * into its lendable part also draw on the slack. Dimensions a pool leaves unlimited take no part.
 */

export function lendableOf(pool: PoolLedger, d: number): number {
  const own = pool.own[d] ?? Infinity;
  if (own === Infinity) return 0;
  return Math.min(pool.lendingLimit[d] ?? Infinity, Math.max(0, own - (pool.used[d] ?? 0)));
}

export function borrowedOf(pool: PoolLedger, d: number): number {
  const own = pool.own[d] ?? Infinity;
  return own === Infinity ? 0 : Math.max(0, (pool.used[d] ?? 0) - own);
}

/** Unused own limit that is not lendable: the pool can use it without touching the cohort. */
export function guaranteedFreeOf(pool: PoolLedger, d: number): number {
  const own = pool.own[d] ?? Infinity;
  if (own === Infinity) return Infinity;
  return Math.max(0, own - (pool.used[d] ?? 0)) - lendableOf(pool, d);
}

/** How much of `amount` more on `pool` would come out of its cohort's slack. */
export function cohortDraw(pool: PoolLedger, d: number, amount: number): number {
  if (!pool.cohort) return 0;
  return Math.max(0, amount - guaranteedFreeOf(pool, d));
}

/** The most the other members could ever lend this pool: their lending limits, bounded by their own limits. */
export function everBorrowable(pool: PoolLedger, d: number): number {
  if (!pool.cohort) return 0;
  let total = 0;
  for (const member of pool.cohort.members) {
    const own = member.own[d] ?? Infinity;
    if (member === pool || own === Infinity) continue;
    total += Math.min(member.lendingLimit[d] ?? Infinity, own);
  }
  return total;
}

/** Links the pools that share a cohort id and computes each cohort's slack. */
export function linkCohorts(pools: Iterable<PoolLedger>): CohortLedger[] {
  const byId = new Map<string, PoolLedger[]>();
  for (const pool of pools) {
    if (pool.cohortId === undefined) continue;
    const members = byId.get(pool.cohortId) ?? [];
    members.push(pool);
    byId.set(pool.cohortId, members);
  }
  const cohorts: CohortLedger[] = [];
  for (const id of [...byId.keys()].sort()) {
    const members = (byId.get(id) ?? []).sort((a, b) =>
      a.poolId < b.poolId ? -1 : a.poolId > b.poolId ? 1 : 0,
    );
    const slack = new Float64Array(DIMENSION_COUNT);
    for (const member of members) {
      for (let d = 0; d < DIMENSION_COUNT; d++)
        slack[d] = (slack[d] ?? 0) + lendableOf(member, d) - borrowedOf(member, d);
    }
    const cohort: CohortLedger = { id, members, slack };
    for (const member of members) member.cohort = cohort;
    cohorts.push(cohort);
  }
  return cohorts;
}
