import { chargeSpare, type Reservation } from './backfill';
import { concurrencyCaps } from './caps';
import { classLadder } from './classLadder';
import type {
  CapacityReservation,
  CycleOptions,
  SluiceAdmission,
  SluiceCycleResult,
  SluicePendingJobReason,
} from './cycleTypes';
import { DEFAULT_CLASSES, type QueuedJob } from './domain';
import { DEFAULT_AGING_SECONDS } from './effectivePriority';
import { capacityTotals, chargeAdmission, sourceAccount } from './fairShare';
import { visitInFairShareOrder } from './fairShareOrder';
import { bookOn, cannotTakeAny } from './fit';
import { collectCandidates } from './candidates';
import { instantMs, isoOf } from './instant';
import { placeJob, type Placement } from './placement';
import { poolLedgers, type PoolLedger } from './poolLedger';
import { queueOrder } from './queueOrder';
import {
  admissionReason,
  aheadNote,
  behindReservationReason,
  capacityReason,
  capReason,
  cycleLimitReason,
  reservationNote,
} from './reasons';
import { inFlightReleases, type Release } from './releases';
import { reservationBook, reservationFor } from './reservationBook';
import { shortfallWriter } from './shortfallText';
import type { SchedulingSnapshot } from './snapshot';
import { DIMENSION_COUNT, dimensionAt, readDemand, toVector } from './vectors';

/**
 * One admission cycle: snapshot in, decisions and reasons out, no I/O and no clock (time is
 * `snapshot.now`). Jobs go by effective class (class plus aging, strict between classes); within
 * a class the source with the lowest weighted dominant share goes next; each job is placed by best
 * fit on the pools it lists, within caps, quotas, cohort borrowing and the reservations of jobs
 * ahead that did not fit. The same snapshot always gives the same result.
 */
export function admissionCycle(snapshot: SchedulingSnapshot, options: CycleOptions = {}): SluiceCycleResult {
  const nowMs = instantMs(snapshot.now);
  const policy = snapshot.policy;
  const maxAdmissions = options.maxAdmissions ?? Infinity;
  const maxReasons = options.maxReasons ?? Infinity;

  const pools = poolLedgers(snapshot.capacity.pools);
  const totals = capacityTotals(pools.values());
  const candidates = collectCandidates(snapshot.queue.pending, snapshot.dependencyStatus, nowMs);
  const ladder = classLadder(policy.classes ?? DEFAULT_CLASSES, new Set(candidates.priority));
  const order = queueOrder(candidates, ladder, nowMs, policy.agingSeconds ?? DEFAULT_AGING_SECONDS);
  const accounts = candidates.sourceNames.map((name) =>
    sourceAccount(
      name,
      Object.hasOwn(snapshot.usage.sources, name) ? snapshot.usage.sources[name] : undefined,
      snapshot.usage.halfLifeSeconds,
      policy,
      nowMs,
      totals,
    ),
  );
  const caps = concurrencyCaps(policy, snapshot.queue.inFlight);
  const book = reservationBook();
  const shortfallOf = shortfallWriter();
  const cycleReleases = new Map<PoolLedger, Release[]>();
  let snapshotReleases: Map<string, Release[]> | undefined;
  const releasesOf = (pool: PoolLedger): Release[] => {
    snapshotReleases ??= inFlightReleases(snapshot.queue.inFlight);
    return [...(snapshotReleases.get(pool.poolId) ?? []), ...(cycleReleases.get(pool) ?? [])];
  };

  // A pool that cannot take even the smallest queued demand is skipped from then on; once every
  // pool is like that, the rest of the queue only needs its reasons.
  let openPools = 0;
  for (const pool of pools.values()) {
    pool.closed = cannotTakeAny(pool, candidates.smallestDemand);
    if (!pool.closed) openPools++;
  }
  const closeFull = (pool: PoolLedger) => {
    for (const member of pool.cohort ? pool.cohort.members : [pool]) {
      if (!member.closed && cannotTakeAny(member, candidates.smallestDemand)) {
        member.closed = true;
        openPools--;
      }
    }
  };

  // A closed pool takes nothing more this cycle, so a job whose pools are all closed has nothing
  // to decide, unless a pool is in a cohort: its reservation would still guard the cohort's slack.
  const worthPlacing = (poolIds: readonly string[]) => {
    for (const poolId of poolIds) {
      const pool = pools.get(poolId);
      if (pool && (!pool.closed || pool.cohort)) return true;
    }
    return false;
  };

  const admissions: SluiceAdmission[] = [];
  const pending: SluicePendingJobReason[] = [];
  const demand = new Float64Array(DIMENSION_COUNT);
  const admitting = () => admissions.length < maxAdmissions && openPools > 0;

  const admit = (i: number, job: QueuedJob, placement: Placement) => {
    const account = accounts[candidates.source[i] ?? 0];
    const shareBefore = account?.share ?? 0;
    const pool = placement.pool;
    const booked = Float64Array.from(demand);
    const borrowed = bookOn(pool, booked);
    for (const use of placement.backfills)
      if (use.verdict === 'spare') chargeSpare(use.reservation, use.draws);
    caps.record(job);
    if (account) chargeAdmission(account, booked, totals);
    const releases = cycleReleases.get(pool) ?? [];
    releases.push({
      endMs: job.estimateSeconds === undefined ? undefined : nowMs + job.estimateSeconds * 1000,
      amount: booked,
    });
    cycleReleases.set(pool, releases);
    closeFull(pool);
    const level = order.level[i] ?? 0;
    const backfill = placement.backfills[0];
    const lent = borrowed && toVector(borrowed);
    admissions.push({
      jobId: job.jobId,
      poolId: pool.poolId,
      reservation: job.demand,
      reason: admissionReason({
        job,
        effectiveClass: ladder.nameOf(level),
        agedSteps: level - ladder.levelOf(job.priority),
        source: job.source,
        share: shareBefore,
        weight: account?.weight ?? 1,
        pool,
        dominant: placement.dominant,
        ...(backfill ? { backfill } : {}),
        ...(borrowed ? { borrowed } : {}),
      }),
      jobStreamVersion: job.streamVersion,
      poolStreamVersion: pool.streamVersion,
      ...(lent ? { borrowed: lent } : {}),
    });
  };

  const keepPending = (job: QueuedJob, ahead: number, level: number, entry: Omit<SluicePendingJobReason, 'jobId'>) => {
    entry.reason = `${entry.reason}; ${aheadNote(ahead, ladder.nameOf(level))}`;
    pending.push(Object.assign(entry, { jobId: job.jobId }));
  };

  /** Decides one job; returns whether it was admitted. Reasons are built only while `explain`. */
  const consider = (i: number, ahead: number, explain: boolean): boolean => {
    const job = candidates.jobs[i] as QueuedJob;
    const level = order.level[i] ?? 0;
    if (admissions.length >= maxAdmissions) {
      if (explain) keepPending(job, ahead, level, { code: 'cycle-limit', reason: cycleLimitReason(maxAdmissions) });
      return false;
    }
    if (!explain && !worthPlacing(job.pools)) return false;
    readDemand(job.demand, demand);
    const placement =
      openPools > 0
        ? placeJob(job.pools, demand, job.estimateSeconds, totals, pools, book, nowMs)
        : undefined;
    // Caps are checked where they decide something: before admitting, and before reserving. A job
    // that fits nowhere is reported by what it lacks, which a cap would not change.
    if (placement && 'pool' in placement) {
      const capBlock = caps.blockOf(job);
      if (!capBlock) {
        admit(i, job, placement);
        return true;
      }
      if (explain) keepPending(job, ahead, level, { code: capBlock.code, reason: capReason(capBlock) });
      return false;
    }
    if (placement) {
      if (explain) {
        const reason = behindReservationReason(placement.blockedBy, placement.fitting, job);
        keepPending(job, ahead, level, {
          code: 'behind-reservation',
          reason,
          reservedFor: placement.blockedBy.jobId,
        });
      }
      return false;
    }
    const className = ladder.nameOf(level);
    // A reservation matters to later admissions and to the reasons; with neither left, skip the work.
    const reserving = (explain || admitting()) && book.all.length < pools.size && !caps.blockOf(job);
    const reservation = reserving
      ? reservationFor(job, demand, className, pools, book, releasesOf, nowMs)
      : undefined;
    if (explain) {
      const { code, reason } = capacityReason(job, demand, pools, shortfallOf);
      keepPending(job, ahead, level, {
        code,
        reason: reservation ? `${reason}; ${reservationNote(reservation)}` : reason,
      });
    }
    return false;
  };

  visitInFairShareOrder(
    order,
    (source) => accounts[source]?.share ?? 0,
    (candidate, ahead) => {
      const explain = pending.length < maxReasons;
      return !explain && !admitting() ? 'stop' : consider(candidate, ahead, explain);
    },
  );

  for (const held of candidates.held) {
    if (pending.length >= maxReasons) break;
    pending.push({ jobId: held.job.jobId, code: held.code, reason: held.reason });
  }
  return {
    admissions,
    pending,
    cancellations: candidates.cancellations,
    reservations: book.all.map(describeReservation),
  };
}

function describeReservation(reservation: Reservation): CapacityReservation {
  return {
    jobId: reservation.jobId,
    poolId: reservation.pool.poolId,
    ...(reservation.startsAtMs !== undefined ? { startsAt: isoOf(reservation.startsAtMs) } : {}),
    waitingOn: reservation.waitingOn.map(dimensionAt),
  };
}
