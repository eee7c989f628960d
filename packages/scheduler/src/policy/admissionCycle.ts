import type { Reservation } from './backfill';
import { admitting, considerJob } from './cycleDecisions';
import { prepareCycle, type CycleState } from './cycleState';
import type { CapacityReservation, CycleOptions, SluiceCycleResult } from './cycleTypes';
import { visitInFairShareOrder } from './fairShareOrder';
import { isoOf } from './instant';
import type { SchedulingSnapshot } from './snapshot';
import { dimensionAt } from './vectors';

/**
 * One admission cycle: snapshot in, decisions and reasons out, no I/O and no clock (time is
 * `snapshot.now`). Jobs go by effective class (class plus aging, strict between classes); within
 * a class the source with the lowest weighted dominant share goes next; each job is placed by best
 * fit on the pools it lists, within caps, quotas, cohort borrowing and the reservations of jobs
 * ahead that did not fit. The same snapshot always gives the same result.
 *
 * Three named phases: `prepareCycle` (ledgers, candidates, order, accounts), the decisions in
 * fair-share order (`considerJob`), and the reasons of jobs held back before ordering.
 */
export function admissionCycle(snapshot: SchedulingSnapshot, options: CycleOptions = {}): SluiceCycleResult {
  const state = prepareCycle(snapshot, options);
  decideInFairShareOrder(state);
  explainHeldJobs(state);
  return {
    admissions: state.admissions,
    pending: state.pending,
    cancellations: state.candidates.cancellations,
    reservations: state.book.all.map(describeReservation),
  };
}

/**
 * Phase 2: jobs by effective class, and within a class the source furthest below its share next.
 * Once nothing more can be admitted and enough reasons are written, the rest is not visited.
 */
function decideInFairShareOrder(state: CycleState): void {
  visitInFairShareOrder(
    state,
    (source) => state.accounts[source]?.share ?? 0,
    (candidate, ahead) => {
      const explain = state.pending.length < state.maxReasons;
      return !explain && !admitting(state) ? 'stop' : considerJob(state, candidate, ahead, explain);
    },
  );
}

/** Phase 3: jobs held before ordering (dependencies, retry back-off) get their reasons last. */
function explainHeldJobs(state: CycleState): void {
  for (const held of state.candidates.held) {
    if (state.pending.length >= state.maxReasons) break;
    state.pending.push({ jobId: held.job.jobId, code: held.code, reason: held.reason });
  }
}

function describeReservation(reservation: Reservation): CapacityReservation {
  return {
    jobId: reservation.jobId,
    poolId: reservation.pool.poolId,
    ...(reservation.startsAtMs !== undefined ? { startsAt: isoOf(reservation.startsAtMs) } : {}),
    waitingOn: reservation.waitingOn.map(dimensionAt),
  };
}
