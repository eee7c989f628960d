import type { AvailabilityProfile } from './availabilityProfile';
import { DIMENSION_COUNT, EPSILON } from './resourceAmounts';

/** The one reservation EASY keeps on a pool: the first job in queue order that could not start there. */
export interface EasyReservation {
  jobId: string;
  poolId: string;
  /** When the running jobs' estimates let it start; Infinity when one it waits for has no estimate. */
  startsAtMs: number;
  /** Per dimension, what jobs still running at the start may take without delaying it. */
  spare: Float64Array;
}

export type BackfillVerdict = 'ends-before' | 'spare' | 'blocked';

/**
 * Reserves the pool for the job from its earliest start. What it leaves spare is what is free at
 * that start beyond its demand (Mu'alem and Feitelson's "extra" processors); on a dimension it
 * lacks, the spare is negative and nothing more may take it. When the start is unknown it could
 * come at any moment, so only what is free now beyond its demand is spare.
 */
export function easyReservation(
  jobId: string,
  poolId: string,
  profile: AvailabilityProfile,
  startsAtMs: number,
  demand: Float64Array,
  nowMs: number,
): EasyReservation {
  const spare = profile.freeAt(Number.isFinite(startsAtMs) ? startsAtMs : nowMs);
  for (let d = 0; d < DIMENSION_COUNT; d++) spare[d] = spare[d]! - demand[d]!;
  return { jobId, poolId, startsAtMs, spare };
}

/**
 * Whether a job that fits now may start on a reserved pool: when its own estimate ends it by the
 * reserved start (never for an unknown start or a job without an estimate), or when it takes only
 * what the reserved job leaves spare.
 */
export function backfillVerdict(
  reservation: EasyReservation,
  demand: Float64Array,
  durationMs: number,
  nowMs: number,
): BackfillVerdict {
  if (Number.isFinite(reservation.startsAtMs) && nowMs + durationMs <= reservation.startsAtMs)
    return 'ends-before';
  for (let d = 0; d < DIMENSION_COUNT; d++) {
    const amount = demand[d]!;
    if (amount > EPSILON && amount > reservation.spare[d]! + EPSILON) return 'blocked';
  }
  return 'spare';
}

/** A job started on the spare rule runs past the start: what it takes is no longer spare. */
export function chargeSpare(reservation: EasyReservation, demand: Float64Array): void {
  for (let d = 0; d < DIMENSION_COUNT; d++) reservation.spare[d] = reservation.spare[d]! - demand[d]!;
}
