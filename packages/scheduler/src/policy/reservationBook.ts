import { reserve, type Reservation } from './backfill';
import { neverFitsOn } from './fit';
import type { PoolLedger } from './ledgers';
import type { Release } from './releases';

/** At most one reservation per pool; a placement must respect those of its pool and of its cohort. */
export interface ReservationBook {
  readonly all: readonly Reservation[];
  holds(pool: PoolLedger): boolean;
  /** The reservations a placement on this pool could delay. */
  affecting(pool: PoolLedger): readonly Reservation[];
  add(reservation: Reservation): void;
}

export function reservationBook(): ReservationBook {
  const all: Reservation[] = [];
  const byPool = new Map<PoolLedger, Reservation>();
  const byCohort = new Map<string, Reservation[]>();
  const none: readonly Reservation[] = [];
  return {
    all,
    holds: (pool) => byPool.has(pool),
    affecting(pool) {
      if (all.length === 0) return none;
      if (pool.cohort) return byCohort.get(pool.cohort.id) ?? none;
      const own = byPool.get(pool);
      return own ? [own] : none;
    },
    add(reservation) {
      all.push(reservation);
      byPool.set(reservation.pool, reservation);
      const cohort = reservation.pool.cohort;
      if (cohort) byCohort.set(cohort.id, [...(byCohort.get(cohort.id) ?? []), reservation]);
    },
  };
}

/**
 * The reservation a job that fits nowhere takes: on the free-of-reservations pool among its own
 * where it could start first (known starts before unknown ones, then pool id). None when every
 * such pool is already held or could never fit it.
 *
 * A reservation whose start nobody knows holds back everything that would touch what the job is
 * short of, for as long as the jobs in its way run: strict head-of-line blocking. So only a
 * starving job (`unknownStartAllowed`: it has waited past its aging bound) may take one; until
 * then jobs pass it first-fit, and aging is what brings it to the head.
 */
export function reservationFor(
  job: { jobId: string; pools: readonly string[] },
  demand: Float64Array,
  className: string,
  pools: ReadonlyMap<string, PoolLedger>,
  book: ReservationBook,
  releasesOf: (pool: PoolLedger) => readonly Release[],
  nowMs: number,
  unknownStartAllowed = true,
): Reservation | undefined {
  let best: Reservation | undefined;
  for (const poolId of job.pools) {
    const pool = pools.get(poolId);
    if (!pool || book.holds(pool) || neverFitsOn(pool, demand) !== undefined) continue;
    const candidate = reserve(job.jobId, className, pool, demand, releasesOf(pool), nowMs);
    if (candidate.startsAtMs === undefined && !unknownStartAllowed) continue;
    if (!best || startsBefore(candidate, best)) best = candidate;
  }
  if (best) book.add(best);
  return best;
}

function startsBefore(a: Reservation, b: Reservation): boolean {
  const aStart = a.startsAtMs ?? Infinity;
  const bStart = b.startsAtMs ?? Infinity;
  return aStart < bStart || (aStart === bStart && a.pool.poolId < b.pool.poolId);
}
