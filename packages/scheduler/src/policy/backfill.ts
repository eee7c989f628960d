import { guaranteedFreeOf } from './cohorts';
import { headroomOn, shortDimensions } from './fit';
import type { PoolLedger } from './ledgers';
import type { Release } from './releases';
import { DIMENSION_COUNT, EPSILON } from './vectors';

/*
 * Backfill without starvation (EASY backfilling, one reservation per pool). When a job does not fit
 * on any of its pools, it reserves the best of them: the one where it could start first. Later
 * jobs may still be placed on that pool when they fit now and cannot delay that start:
 *
 *  - ends-before: the reservation's start is known and the job's estimate ends by then; or
 *  - spare: it only takes what the reserved job will not need at its start, i.e. per dimension at
 *    most `spare = headroom now + what the releases due by the start give back - reserved job's
 *    demand` (EASY's "extra"; overdue releases are not counted), lowered by each such admission.
 *    With the start unknown nothing is counted as given back: on the dimensions the reserved job is short of, spare is negative, so
 *    those stay untouched, and headroom only grows as jobs end, so whenever the shortage clears,
 *    what it needs elsewhere is still there. A release that comes late delays the start by its
 *    own overrun, never by what was admitted on this rule.
 *
 * A job without an estimate is never admitted on the ends-before rule. The start is known only
 * when every in-flight job holding a dimension the reserved job is short of has an estimate
 * (overdue ones count as ending now); otherwise it is unknown and only the spare rule applies.
 * For a pool in a cohort, capacity freed anywhere in the cohort could start the job earlier than
 * its own pool's releases say, so the start is left unknown there too. A job on another member of
 * the cohort only reaches the reserved pool through the cohort's slack, so it is held to a second
 * spare by what it draws from the slack:
 *
 *   cohortSpare = guaranteed free + slack - min(demand, quota room).
 *
 * Whatever frees quota room on the reserved pool frees as much of its own capacity into the slack,
 * so a job waiting on its pool's quota only needs the slack it has beyond its quota room: it does
 * not freeze the rest of the cohort.
 */

export interface Reservation {
  readonly jobId: string;
  readonly pool: PoolLedger;
  /** Effective class of the reserved job, for the reasons of the jobs it holds back. */
  readonly className: string;
  /** Earliest start from in-flight estimates; undefined when unknown. */
  readonly startsAtMs: number | undefined;
  /** The dimensions the reserved job does not fit on now. */
  readonly waitingOn: number[];
  /** What jobs placed on the reserved pool itself may still take past the start. */
  readonly poolSpare: Float64Array;
  /** What jobs placed on other members of its cohort may still draw from the cohort's slack. */
  readonly cohortSpare: Float64Array;
}

export type BackfillVerdict = 'ends-before' | 'spare' | 'blocked';

/** The earliest instant the demand fits on the pool as its in-flight jobs end, or undefined when unknown. */
export function reservedStartMs(
  pool: PoolLedger,
  demand: Float64Array,
  releases: readonly Release[],
  nowMs: number,
): number | undefined {
  if (pool.cohort) return undefined;
  const short = shortDimensions(pool, demand);
  if (short.length === 0) return nowMs;
  const deficit = short.map((d) => (pool.used[d] ?? 0) + (demand[d] ?? 0) - (pool.own[d] ?? Infinity));
  const touching: Release[] = [];
  for (const release of releases) {
    if (!short.some((d) => (release.amount[d] ?? 0) > 0)) continue;
    if (release.endMs === undefined) return undefined;
    touching.push(release);
  }
  touching.sort((a, b) => (a.endMs ?? 0) - (b.endMs ?? 0));
  for (const release of touching) {
    for (let i = 0; i < short.length; i++)
      deficit[i] = (deficit[i] ?? 0) - (release.amount[short[i] ?? 0] ?? 0);
    if (deficit.every((left) => left <= EPSILON)) return Math.max(nowMs, release.endMs ?? nowMs);
  }
  // Usage the backend reports beyond Sluice's reservations never comes back on a known date.
  return undefined;
}

export function reserve(
  jobId: string,
  className: string,
  pool: PoolLedger,
  demand: Float64Array,
  releases: readonly Release[],
  nowMs: number,
): Reservation {
  const poolSpare = new Float64Array(DIMENSION_COUNT);
  const cohortSpare = new Float64Array(DIMENSION_COUNT).fill(Infinity);
  const startsAtMs = reservedStartMs(pool, demand, releases, nowMs);
  const freedByStart = startsAtMs === undefined ? undefined : freedBy(releases, nowMs, startsAtMs);
  for (let d = 0; d < DIMENSION_COUNT; d++) {
    const need = demand[d] ?? 0;
    poolSpare[d] = headroomOn(pool, d) + (freedByStart?.[d] ?? 0) - need;
    if (pool.cohort && (pool.own[d] ?? Infinity) !== Infinity) {
      const quotaRoom = (pool.quota[d] ?? Infinity) - (pool.used[d] ?? 0);
      cohortSpare[d] = guaranteedFreeOf(pool, d) + (pool.cohort.slack[d] ?? 0) - Math.min(need, quotaRoom);
    }
  }
  return {
    jobId,
    pool,
    className,
    startsAtMs,
    waitingOn: shortDimensions(pool, demand),
    poolSpare,
    cohortSpare,
  };
}

/**
 * What the releases due from now to `atMs` give back, per dimension. An overdue release is left
 * out: it is late, nobody knows by how much, and counting it as given back would let every cycle
 * admit more on capacity that is still taken while the reserved job waits.
 */
function freedBy(releases: readonly Release[], nowMs: number, atMs: number): Float64Array {
  const freed = new Float64Array(DIMENSION_COUNT);
  for (const release of releases) {
    if (release.endMs === undefined || release.endMs < nowMs || release.endMs > atMs) continue;
    for (let d = 0; d < DIMENSION_COUNT; d++) freed[d] = (freed[d] ?? 0) + (release.amount[d] ?? 0);
  }
  return freed;
}

/**
 * Whether a job may take `draws` without delaying the reservation: its demand when placed on the
 * reserved pool, or what it draws from the cohort's slack when placed on another member.
 */
export function backfillVerdict(
  reservation: Reservation,
  onReservedPool: boolean,
  draws: Float64Array,
  estimateSeconds: number | undefined,
  nowMs: number,
): BackfillVerdict {
  const start = reservation.startsAtMs;
  if (start !== undefined && estimateSeconds !== undefined && nowMs + estimateSeconds * 1000 <= start)
    return 'ends-before';
  const spare = onReservedPool ? reservation.poolSpare : reservation.cohortSpare;
  for (let d = 0; d < DIMENSION_COUNT; d++) {
    const draw = draws[d] ?? 0;
    if (draw > EPSILON && draw > (spare[d] ?? 0) + EPSILON) return 'blocked';
  }
  return 'spare';
}

/**
 * A job admitted on the spare rule runs past the start: what it takes is no longer spare. Either
 * way it lowers both spares by the same amount (on the reserved pool it uses the guaranteed part
 * and then the slack; elsewhere it draws the slack the reserved pool's headroom rests on).
 */
export function chargeSpare(reservation: Reservation, draws: Float64Array): void {
  for (let d = 0; d < DIMENSION_COUNT; d++) {
    const draw = draws[d] ?? 0;
    reservation.poolSpare[d] = (reservation.poolSpare[d] ?? 0) - draw;
    reservation.cohortSpare[d] = (reservation.cohortSpare[d] ?? 0) - draw;
  }
}
