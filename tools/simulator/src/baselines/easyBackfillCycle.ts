import type { QueuedJob } from '@sluice/domain';
import type { Admission, CycleResult, SchedulingSnapshot } from '@sluice/scheduler';
import { backfillVerdict, chargeSpare, easyReservation, type EasyReservation } from './easyReservation';
import { plannedDurationMs } from './plannedDuration';
import { poolPlans } from './poolPlans';
import { bookIn, fitsIn, poolRooms } from './poolRooms';
import { admissionOf, pendingReasons, readyToRun } from './queueHelpers';
import { demandAmounts } from './resourceAmounts';
import { runningReleases } from './runningReleases';
import { startWording } from './startWording';

/**
 * EASY backfilling (Lifka's, Slurm's sched/backfill with one reservation per pool) over a queue
 * already in the order the policy wants. Jobs start in order while they fit; the first one that
 * cannot start on any of its pools reserves the pool where it could start first, dated by the
 * running jobs' estimates. A later job may still start on a reserved pool when it fits now and
 * either its estimate ends it before the reserved start or it takes only what the reserved job
 * leaves spare; a pool nobody has reserved yet takes whatever fits.
 */
export function easyBackfillCycle(
  snapshot: SchedulingSnapshot,
  queue: readonly QueuedJob[],
  policyName: string,
): CycleResult {
  const nowMs = Date.parse(snapshot.now);
  const rooms = poolRooms(snapshot.capacity);
  const plans = poolPlans(rooms, runningReleases(snapshot.queue.inFlight, nowMs), nowMs);
  const reservations = new Map<string, EasyReservation>();
  const admissions: Admission[] = [];
  const pending = pendingReasons();

  for (const job of queue) {
    if (!readyToRun(job, snapshot, nowMs)) {
      pending.add(job.jobId, 'not-ready', 'held by a dependency, a retry backoff or a cancellation');
      continue;
    }
    const demand = demandAmounts(job.demand);
    const durationMs = plannedDurationMs(job);
    let heldBack: EasyReservation | undefined;
    let admitted = false;
    for (const poolId of job.pools) {
      const room = rooms.get(poolId);
      if (!room || !fitsIn(room, job.demand)) continue;
      const reservation = reservations.get(poolId);
      const verdict = reservation ? backfillVerdict(reservation, demand, durationMs, nowMs) : 'in-order';
      if (verdict === 'blocked') {
        heldBack ??= reservation;
        continue;
      }
      bookIn(room, job.demand);
      // An unreserved pool may still be reserved later this cycle: that date must count this job.
      if (!reservation) plans.of(poolId)?.hold(nowMs, nowMs + durationMs, demand);
      else if (verdict === 'spare') chargeSpare(reservation, demand);
      admissions.push(admissionOf(job, room, admissionReason(policyName, verdict, reservation)));
      admitted = true;
      break;
    }
    if (admitted) continue;

    let best: { poolId: string; startsAtMs: number } | undefined;
    for (const poolId of job.pools) {
      if (reservations.has(poolId) || !plans.canEverHold(poolId, demand)) continue;
      const startsAtMs = plans.of(poolId)?.earliestStart(demand, durationMs) ?? Infinity;
      if (!best || startsAtMs < best.startsAtMs) best = { poolId, startsAtMs };
    }
    if (best) {
      const reservation = easyReservation(
        job.jobId,
        best.poolId,
        plans.of(best.poolId)!,
        best.startsAtMs,
        demand,
        nowMs,
      );
      reservations.set(best.poolId, reservation);
      pending.add(job.jobId, 'capacity', `reserves ${best.poolId} from ${startWording(best.startsAtMs)}`);
    } else if (!pending.full) {
      // Built only while reasons are kept: with thousands waiting they would cost more than the decisions.
      pending.add(
        job.jobId,
        heldBack ? 'behind-reservation' : 'capacity',
        heldBack
          ? `would delay ${heldBack.jobId}, reserved on ${heldBack.poolId} from ${startWording(heldBack.startsAtMs)}`
          : `none of ${job.pools.join(', ')} can take it now`,
      );
    }
  }
  return { admissions, pending: pending.list, cancellations: [] };
}

function admissionReason(
  policyName: string,
  verdict: 'in-order' | 'ends-before' | 'spare',
  reservation: EasyReservation | undefined,
): string {
  if (!reservation) return `${policyName}: in queue order, fits`;
  return verdict === 'ends-before'
    ? `${policyName}: backfilled, its estimate ends before ${reservation.jobId} starts`
    : `${policyName}: backfilled, takes only what ${reservation.jobId} leaves spare`;
}
