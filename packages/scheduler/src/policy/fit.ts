import { cohortDraw, everBorrowable, guaranteedFreeOf } from './cohorts';
import type { PoolLedger } from './ledgers';
import { DIMENSION_COUNT, EPSILON } from './vectors';

/** What more the pool can take on a dimension: its own limit, or for a cohort member its quota and the cohort's slack. */
function computeHeadroom(pool: PoolLedger, d: number): number {
  const used = pool.used[d] ?? 0;
  const own = pool.own[d] ?? Infinity;
  const cohort = pool.cohort;
  if (!cohort || own === Infinity) return Math.max(0, own - used);
  const quotaRoom = (pool.quota[d] ?? Infinity) - used;
  return Math.max(0, Math.min(quotaRoom, guaranteedFreeOf(pool, d) + Math.max(0, cohort.slack[d] ?? 0)));
}

/** Recomputes the cached headroom of the pool and, since they share its slack, of its cohort. */
export function refreshHeadroom(pool: PoolLedger): void {
  for (const member of pool.cohort ? pool.cohort.members : [pool]) {
    for (let d = 0; d < DIMENSION_COUNT; d++) member.headroom[d] = computeHeadroom(member, d);
    member.version++;
  }
}

export function headroomOn(pool: PoolLedger, d: number): number {
  return pool.headroom[d] ?? 0;
}

export function fitsOn(pool: PoolLedger, demand: Float64Array): boolean {
  const headroom = pool.headroom;
  for (let d = 0; d < DIMENSION_COUNT; d++) {
    const amount = demand[d] ?? 0;
    if (amount > 0 && amount > (headroom[d] ?? 0) + EPSILON) return false;
  }
  return true;
}

/** The most the pool could ever give a job on a dimension, with nothing else running. */
export function everLimitOn(pool: PoolLedger, d: number): number {
  const own = pool.own[d] ?? Infinity;
  if (!pool.cohort || own === Infinity) return own;
  return Math.min(pool.quota[d] ?? Infinity, own + everBorrowable(pool, d));
}

/** The first dimension the demand can never fit on this pool, even empty. */
export function neverFitsOn(pool: PoolLedger, demand: Float64Array): number | undefined {
  for (let d = 0; d < DIMENSION_COUNT; d++) {
    if ((demand[d] ?? 0) > everLimitOn(pool, d) + EPSILON) return d;
  }
  return undefined;
}

/** The first dimension the demand does not fit on now, or undefined when it fits. */
export function firstShortDimension(pool: PoolLedger, demand: Float64Array): number | undefined {
  for (let d = 0; d < DIMENSION_COUNT; d++) {
    const amount = demand[d] ?? 0;
    if (amount > 0 && amount > headroomOn(pool, d) + EPSILON) return d;
  }
  return undefined;
}

/** The dimensions the demand does not fit on now. */
export function shortDimensions(pool: PoolLedger, demand: Float64Array): number[] {
  const short: number[] = [];
  for (let d = 0; d < DIMENSION_COUNT; d++) {
    const amount = demand[d] ?? 0;
    if (amount > 0 && amount > headroomOn(pool, d) + EPSILON) short.push(d);
  }
  return short;
}

/** Per dimension, what placing the demand on the pool would take from its cohort's slack. */
export function cohortDraws(pool: PoolLedger, demand: Float64Array): Float64Array {
  const draws = new Float64Array(DIMENSION_COUNT);
  for (let d = 0; d < DIMENSION_COUNT; d++) draws[d] = cohortDraw(pool, d, demand[d] ?? 0);
  return draws;
}

/** True when placing the demand would take the pool above its own limit somewhere. */
export function needsBorrowing(pool: PoolLedger, demand: Float64Array): boolean {
  if (!pool.cohort) return false;
  for (let d = 0; d < DIMENSION_COUNT; d++) {
    if ((pool.used[d] ?? 0) + (demand[d] ?? 0) > (pool.own[d] ?? Infinity) + EPSILON) return true;
  }
  return false;
}

/**
 * Books the demand on the pool (and its cohort's slack). Returns what went above the pool's own
 * limit, i.e. was borrowed, per dimension; undefined outside a cohort, where nothing is.
 */
export function bookOn(pool: PoolLedger, demand: Float64Array): Float64Array | undefined {
  const borrowed = pool.cohort ? new Float64Array(DIMENSION_COUNT) : undefined;
  for (let d = 0; d < DIMENSION_COUNT; d++) {
    const amount = demand[d] ?? 0;
    if (amount === 0) continue;
    const used = pool.used[d] ?? 0;
    const own = pool.own[d] ?? Infinity;
    if (pool.cohort && borrowed) {
      pool.cohort.slack[d] = (pool.cohort.slack[d] ?? 0) - cohortDraw(pool, d, amount);
      if (own !== Infinity) borrowed[d] = Math.max(0, used + amount - own) - Math.max(0, used - own);
    }
    pool.used[d] = used + amount;
  }
  refreshHeadroom(pool);
  return borrowed;
}

/** True when not even the smallest queued demand fits on some dimension: nothing more can be placed here. */
export function cannotTakeAny(pool: PoolLedger, smallestDemand: Float64Array): boolean {
  for (let d = 0; d < DIMENSION_COUNT; d++) {
    const least = smallestDemand[d] ?? 0;
    if (least > 0 && headroomOn(pool, d) + EPSILON < least) return true;
  }
  return false;
}
