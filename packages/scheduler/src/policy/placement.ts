import { backfillVerdict, type Reservation } from './backfill';
import { dominantDimension } from './fairShare';
import { cohortDraws, fitsOn, headroomOn, needsBorrowing } from './fit';
import type { PoolLedger } from './ledgers';
import type { ReservationBook } from './reservationBook';

export interface BackfillUse {
  reservation: Reservation;
  verdict: 'ends-before' | 'spare';
  draws: Float64Array;
}

export interface Placement {
  pool: PoolLedger;
  /** The job's dominant dimension, which best fit packed on. */
  dominant: number;
  /** The reservations the job is placed past, and on which rule. */
  backfills: BackfillUse[];
}

/** Why nothing was chosen: no pool fits (undefined), or one fits but a reservation holds it. */
export type Miss = { blockedBy: Reservation; fitting: PoolLedger } | undefined;

const noBackfills: BackfillUse[] = [];

/**
 * Best fit across the job's pools, on live figures: pools that need no borrowing first, then the
 * one the job leaves with the least headroom on its dominant dimension (relative to the pool's own
 * limit), then pool id. A pool is a choice only if the job fits it now and delays no reservation.
 * Most queued jobs fit nowhere once the pools fill, so that path allocates nothing.
 */
export function placeJob(
  pools: readonly string[],
  demand: Float64Array,
  estimateSeconds: number | undefined,
  totals: Float64Array,
  ledgers: ReadonlyMap<string, PoolLedger>,
  book: ReservationBook,
  nowMs: number,
): Placement | Miss {
  let best: PoolLedger | undefined;
  let bestBackfills = noBackfills;
  let bestBorrows = false;
  let bestLeftover = Infinity;
  let dominant: number | undefined;
  let blocked: Miss;
  for (const poolId of pools) {
    const pool = ledgers.get(poolId);
    if (!pool || pool.closed || !fitsOn(pool, demand)) continue;
    const backfills = backfillsOn(pool, demand, estimateSeconds, book, nowMs);
    if (!Array.isArray(backfills)) {
      blocked ??= { blockedBy: backfills, fitting: pool };
      continue;
    }
    const borrows = needsBorrowing(pool, demand);
    dominant ??= dominantDimension(demand, totals);
    const own = pool.own[dominant] ?? Infinity;
    const leftover =
      own === Infinity ? Infinity : (headroomOn(pool, dominant) - (demand[dominant] ?? 0)) / own;
    const better =
      !best ||
      (!borrows && bestBorrows) ||
      (borrows === bestBorrows &&
        (leftover < bestLeftover || (leftover === bestLeftover && poolId < best.poolId)));
    if (better) {
      best = pool;
      bestBackfills = backfills;
      bestBorrows = borrows;
      bestLeftover = leftover;
    }
  }
  return best ? { pool: best, dominant: dominant ?? 0, backfills: bestBackfills } : blocked;
}

/** The reservations a placement on the pool goes past, or the one it would delay. */
function backfillsOn(
  pool: PoolLedger,
  demand: Float64Array,
  estimateSeconds: number | undefined,
  book: ReservationBook,
  nowMs: number,
): BackfillUse[] | Reservation {
  const affecting = book.affecting(pool);
  if (affecting.length === 0) return noBackfills;
  const uses: BackfillUse[] = [];
  for (const reservation of affecting) {
    const onReservedPool = reservation.pool === pool;
    const draws = onReservedPool ? demand : cohortDraws(pool, demand);
    const verdict = backfillVerdict(reservation, onReservedPool, draws, estimateSeconds, nowMs);
    if (verdict === 'blocked') return reservation;
    uses.push({ reservation, verdict, draws });
  }
  return uses;
}
