import { chargeSpare } from './backfill';
import type { SluicePendingJobReason } from './cycleTypes';
import type { QueuedJob } from './domain';
import { chargeAdmission } from './fairShare';
import { bookOn, cannotTakeAny } from './fit';
import type { PoolLedger } from './ledgers';
import { placeJob, type Placement } from './placement';
import {
  admissionReason,
  aheadNote,
  behindReservationReason,
  capacityReason,
  capReason,
  cycleLimitReason,
  reservationNote,
} from './reasons';
import { reservationFor } from './reservationBook';
import type { CycleState } from './cycleState';
import { readDemand, toVector } from './vectors';

/** Phase 2 of a cycle: one job decided at a time, in fair-share order, against the cycle's state. */

/** Whether admissions may still happen this cycle. */
export const admitting = (s: CycleState) => s.admissions.length < s.maxAdmissions && s.openPools > 0;

/** A pool that cannot take even the smallest queued demand is skipped from then on. */
function closeFull(s: CycleState, pool: PoolLedger): void {
  for (const member of pool.cohort ? pool.cohort.members : [pool]) {
    if (!member.closed && cannotTakeAny(member, s.candidates.smallestDemand)) {
      member.closed = true;
      s.openPools--;
    }
  }
}

/**
 * A closed pool takes nothing more this cycle, so a job whose pools are all closed has nothing
 * to decide, unless a pool is in a cohort: its reservation would still guard the cohort's slack.
 */
function worthPlacing(s: CycleState, poolIds: readonly string[]): boolean {
  for (const poolId of poolIds) {
    const pool = s.pools.get(poolId);
    if (pool && (!pool.closed || pool.cohort)) return true;
  }
  return false;
}

function admit(s: CycleState, i: number, job: QueuedJob, placement: Placement): void {
  const account = s.accounts[s.candidates.source[i] ?? 0];
  const shareBefore = account?.share ?? 0;
  const pool = placement.pool;
  const booked = Float64Array.from(s.demand);
  const borrowed = bookOn(pool, booked);
  for (const use of placement.backfills) if (use.verdict === 'spare') chargeSpare(use.reservation, use.draws);
  s.caps.record(job);
  if (account) chargeAdmission(account, booked, s.totals);
  const estimate = s.estimateOf(i);
  const releases = s.cycleReleases.get(pool) ?? [];
  releases.push({ endMs: estimate === undefined ? undefined : s.nowMs + estimate.seconds * 1000, amount: booked });
  s.cycleReleases.set(pool, releases);
  closeFull(s, pool);
  const level = s.candidates.level[i] ?? 0;
  const backfill = placement.backfills[0];
  const lent = borrowed && toVector(borrowed);
  s.admissions.push({
    jobId: job.jobId,
    poolId: pool.poolId,
    reservation: job.demand,
    reason: admissionReason({
      job,
      effectiveClass: s.ladder.nameOf(level),
      agedSteps: level - s.ladder.levelOf(job.priority),
      source: job.source,
      share: shareBefore,
      weight: account?.weight ?? 1,
      pool,
      dominant: placement.dominant,
      ...(backfill ? { backfill } : {}),
      ...(borrowed ? { borrowed } : {}),
      ...(estimate ? { estimate } : {}),
    }),
    jobStreamVersion: job.streamVersion,
    poolStreamVersion: pool.streamVersion,
    ...(lent ? { borrowed: lent } : {}),
    ...(estimate ? { estimate } : {}),
  });
}

function keepPending(
  s: CycleState,
  job: QueuedJob,
  ahead: number,
  level: number,
  entry: Omit<SluicePendingJobReason, 'jobId'>,
): void {
  entry.reason = `${entry.reason}; ${aheadNote(ahead, s.ladder.nameOf(level))}`;
  s.pending.push(Object.assign(entry, { jobId: job.jobId }));
}

/** Whether the job is its source's longest-waiting past its aging bound: only then may it hold a pool on an unknown start. */
const starving = (s: CycleState, i: number): boolean => s.candidates.starved[i] === 1;

/** Decides one job; returns whether it was admitted. Reasons are built only while `explain`. */
export function considerJob(s: CycleState, i: number, ahead: number, explain: boolean): boolean {
  const job = s.candidates.jobs[i] as QueuedJob;
  const level = s.candidates.level[i] ?? 0;
  if (s.admissions.length >= s.maxAdmissions) {
    if (explain) keepPending(s, job, ahead, level, { code: 'cycle-limit', reason: cycleLimitReason(s.maxAdmissions) });
    return false;
  }
  if (!explain && !worthPlacing(s, job.pools)) return false;
  readDemand(job.demand, s.demand);
  const placement =
    s.openPools > 0
      ? placeJob(job.pools, s.demand, s.estimateOf(i)?.seconds, s.totals, s.pools, s.book, s.nowMs)
      : undefined;
  // Caps are checked where they decide something: before admitting, and before reserving. A job
  // that fits nowhere is reported by what it lacks, which a cap would not change.
  if (placement && 'pool' in placement) {
    const capBlock = s.caps.blockOf(job);
    if (!capBlock) {
      admit(s, i, job, placement);
      return true;
    }
    if (explain) keepPending(s, job, ahead, level, { code: capBlock.code, reason: capReason(capBlock) });
    return false;
  }
  if (placement) {
    if (explain) {
      const reason = behindReservationReason(placement.blockedBy, placement.fitting, s.estimateOf(i));
      keepPending(s, job, ahead, level, {
        code: 'behind-reservation',
        reason,
        reservedFor: placement.blockedBy.jobId,
      });
    }
    return false;
  }
  const className = s.ladder.nameOf(level);
  // A reservation matters to later admissions and to the reasons; with neither left, skip the work.
  // The top class and starving jobs hold a pool whatever is known of its start; under EASY
  // (`head`) the others do when their start is known.
  const holdsAnyway = starving(s, i) || level >= s.ladder.top;
  const reserving =
    (explain || admitting(s)) &&
    s.book.all.length < s.pools.size &&
    (holdsAnyway || s.reservations === 'head') &&
    !s.caps.blockOf(job);
  const reservation = reserving
    ? reservationFor(job, s.demand, className, s.pools, s.book, s.releasesOf, s.nowMs, holdsAnyway)
    : undefined;
  if (explain) {
    const { code, reason } = capacityReason(job, s.demand, s.pools, s.shortfallOf);
    keepPending(s, job, ahead, level, {
      code,
      reason: reservation ? `${reason}; ${reservationNote(reservation)}` : reason,
    });
  }
  return false;
}
