import {
  POLICY_STREAM,
  decideJob,
  decidePool,
  jobStreamId,
  poolStreamId,
  weightOf,
  type EventInput,
  type ReleaseReason,
  type ResourceVector,
  type SharePolicySetData,
} from '@sluice/domain';
import { queuedJobState } from '../../commands/queuedJobState';
import type { Admission, SchedulingPolicy } from '../../policy/snapshot';
import { snapshotOf } from '../../reactor/snapshotOf';
import { decideAdmission } from '../../simulation/engine/admissionDecision';
import { completionQueue } from '../../simulation/engine/completionQueue';
import { runTally } from '../../simulation/engine/runTally';
import { simulationLog } from '../../simulation/engine/simulationLog';
import type { SimulationRun } from '../../simulation/engine/simulate';
import type { HistoryWorkload, TerminalEvent, TimelineItem } from '../history/historyTypes';

export interface HistoryReplayOptions {
  /** The admission policy's code; Sluice's own in production. */
  policy: SchedulingPolicy;
  /** A candidate share policy in force for the whole window; without one, the recorded policies as they were set. */
  candidate?: SharePolicySetData;
  /** Virtual seconds between cycles while jobs wait and nothing else happens (only once the record's cycles run out, or for a candidate). */
  safetyTickSeconds?: number;
}

/** One replayed admission: where, when, in which cycle and at which place in it, and why. */
export interface ReplayedAdmission {
  atSeconds: number;
  poolId: string;
  cycleId: string;
  rank: number;
  reason: string;
}

export interface HistoryReplay {
  /** In the simulator's shape, so its metrics read it unchanged: a job's wait runs to its first admission. */
  run: SimulationRun;
  /** Per job (workload order): its replayed (first) admission, if any. */
  admissions: (ReplayedAdmission | undefined)[];
  /** Per job: its replayed admissions after the first (retries), in order. */
  laterAdmissions: ReplayedAdmission[][];
}

/** Cycles in a row that change nothing once the record is exhausted and nothing runs: what is left can never fit. */
const MAX_IDLE_CYCLES = 3;
const RELEASE_REASON: Record<TerminalEvent['type'], ReleaseReason> = {
  JobSucceeded: 'succeeded',
  JobFailed: 'failed',
  JobTimedOut: 'timedOut',
  JobCancelled: 'cancelled',
};

/**
 * Replays a recorded window through a policy with the simulator's parts: its validated log and
 * live views, the admission check of the job and pool aggregates, its occupancy and fairness
 * counters. Inputs (submissions, pool registrations, capacity reports, quota changes, policy
 * changes, user cancellations) go in at their recorded feed positions; cycles run at the recorded
 * cycle instants (and the earlier plans of a cycle that re-planned at theirs), each just after the
 * position its snapshot was read at. An attempt admitted in the same recorded cycle on the same
 * pool as in the record follows the record: its start, end, retry and the pool's release go in at
 * their recorded positions, so a retried job queues again until its recorded `notBefore`. Any other
 * admission starts after its recorded start delay and ends the job after its recorded hold time,
 * and (for a candidate) the replay runs a cycle at each such end, as the reactor would.
 */
export function replayHistory(history: HistoryWorkload, options: HistoryReplayOptions): HistoryReplay {
  const { jobs, timeline } = history;
  const candidate = options.candidate;
  const extraCycles = candidate !== undefined;
  const tick = options.safetyTickSeconds ?? 300;
  const startPolicy = candidate ?? history.initialPolicy;
  const log = simulationLog({ epochMs: history.originMs, halfLifeSeconds: startPolicy.halfLifeSeconds });
  const admissions: (ReplayedAdmission | undefined)[] = new Array<ReplayedAdmission | undefined>(jobs.length).fill(undefined);
  const indexOf = new Map(jobs.map((job, i) => [job.jobId, i]));
  const laterAdmissions: ReplayedAdmission[][] = jobs.map(() => []);
  const record = recordedAttempts(timeline);
  // The replay's attempt of each job (admissions so far − 1), and the attempts it admitted as
  // recorded: those follow the record's start, end, retry and release; the rest follow `derived`.
  const attemptOf = new Int32Array(jobs.length).fill(-1);
  const followed = new Set<string>();
  const follows = (item: { job: number; attempt: number }) => followed.has(attemptKey(item.job, item.attempt));
  const requeued = new Set<number>();
  const derived = completionQueue();
  const tally = runTally(jobs, history.pools, (source) => weightOf(log.views.policy, source));
  const poolOf = tally.poolOf;
  let cycles = 0;
  let extraCycleCount = 0;

  if (candidate) log.record(POLICY_STREAM, [{ type: 'SharePolicySet', data: candidate }], 0);

  const submit = (index: number, at: number) => {
    const job = jobs[index]!;
    const classValue = candidate?.classes?.[job.priorityClass];
    const data = classValue !== undefined ? { ...job.submitted, priority: classValue } : job.submitted;
    log.record(jobStreamId(job.jobId), [{ type: 'JobSubmitted', data }], at);
    tally.queued(index);
  };

  const cancelPending = (jobId: string, reason: string, at: number) => {
    const queued = log.views.queue.pending[jobId];
    const index = indexOf.get(jobId);
    if (!queued || index === undefined) return;
    log.record(jobStreamId(jobId), decideJob({ type: 'CancelJob', reason }, queuedJobState(queued)), at);
    tally.cancelled(index);
  };

  const start = (index: number, at: number) => {
    const jobId = jobs[index]!.jobId;
    log.record(jobStreamId(jobId), [{ type: 'JobStarted', data: { jobId, runId: `replay-${jobId}` } }], at);
  };

  const release = (index: number, reason: ReleaseReason, at: number) => {
    const job = jobs[index]!;
    const poolId = poolOf[index]!;
    const pool = log.views.capacity.pools[poolId]!;
    const reservation: ResourceVector = pool.reservations[job.jobId] ?? job.demand;
    log.record(poolStreamId(poolId), decidePool({ type: 'ReleaseCapacity', jobId: job.jobId, reason }, pool), at);
    tally.finished(index, reservation, at);
  };

  /** An attempt the replay did not follow as recorded ends after its hold time, and ends the job. */
  const finishDerived = (index: number, at: number) => {
    const recorded = record.lastEnd.get(index);
    log.record(jobStreamId(jobs[index]!.jobId), [finalEventOf(jobs[index]!.jobId, recorded)], at);
    release(index, recorded ? RELEASE_REASON[recorded.type] : 'succeeded', at);
  };

  /** A followed attempt's end, as recorded; the pool's release comes at its own position if the record has one. */
  const finishAsRecorded = (item: Extract<TimelineItem, { kind: 'end' }>, at: number) => {
    const { jobId } = jobs[item.job]!;
    log.record(jobStreamId(jobId), [{ type: item.event.type, data: item.event.data } as EventInput], at);
    if (!record.released.has(attemptKey(item.job, item.attempt))) release(item.job, RELEASE_REASON[item.event.type], at);
  };

  const retry = (item: Extract<TimelineItem, { kind: 'retry' }>, at: number) => {
    log.record(jobStreamId(jobs[item.job]!.jobId), [{ type: 'JobRetryScheduled', data: item.event.data }], at);
    tally.queued(item.job);
    requeued.add(item.job);
  };

  const admit = (admission: Admission, at: number, cycleId: string, rank: number): boolean => {
    const index = indexOf.get(admission.jobId);
    const decision = decideAdmission(admission, log.views, log.isoAt(at), cycleId);
    if ('refused' in decision || index === undefined) {
      tally.refused(admission.jobId, 'refused' in decision ? decision.refused : 'not a job of the window');
      return false;
    }
    const job = jobs[index]!;
    log.record(jobStreamId(job.jobId), decision.jobEvents, at);
    log.record(poolStreamId(admission.poolId), decision.poolEvents, at);
    tally.admitted(index, admission.poolId, admission.reservation, at);
    requeued.delete(index);
    const attempt = ++attemptOf[index]!;
    const replayed = { atSeconds: at, poolId: admission.poolId, cycleId, rank, reason: admission.reason };
    if (attempt === 0) admissions[index] = replayed;
    else laterAdmissions[index]!.push(replayed);
    const recorded = attempt === 0 ? job.admission : job.laterAdmissions[attempt - 1];
    const key = attemptKey(index, attempt);
    const same = recorded?.cycleId === cycleId && recorded.poolId === admission.poolId;
    if (same && record.ended.has(key)) followed.add(key);
    else {
      if (!(same && record.started.has(key))) derived.push(at + job.startDelaySeconds, index * 2);
      derived.push(at + job.duration, index * 2 + 1);
    }
    return true;
  };

  // A cycle that re-planned carries its ranks on from one plan to the next.
  const ranks = new Map<string, number>();
  /** One plan of a cycle; `written` limits it to what an earlier plan of the record got written before its conflict. */
  const cycle = (at: number, cycleId: string, written?: ReadonlySet<string>): number => {
    cycles += 1;
    const result = options.policy.cycle(snapshotOf(log.views, log.isoAt(at), log.pendingIndex));
    for (const c of result.cancellations) cancelPending(c.jobId, c.reason, at);
    const first = ranks.get(cycleId) ?? 0;
    let rank = first;
    for (const admission of result.admissions)
      if ((!written || written.has(admission.jobId)) && admit(admission, at, cycleId, rank)) rank += 1;
    ranks.set(cycleId, rank);
    return rank - first + result.cancellations.length;
  };

  const apply = (item: TimelineItem, at: number) => {
    switch (item.kind) {
      case 'submit':
        return submit(item.job, at);
      case 'pool':
        return log.record(poolStreamId(item.event.data.poolId), [{ type: item.event.type, data: item.event.data } as EventInput], at);
      case 'policy':
        if (!candidate) log.record(POLICY_STREAM, [{ type: 'SharePolicySet', data: item.policy }], at);
        return;
      case 'cancelPending':
        return cancelPending(jobs[item.job]!.jobId, jobs[item.job]!.cancelReason ?? 'cancelled', at);
      case 'start':
        if (follows(item)) start(item.job, at);
        return;
      case 'end':
        if (follows(item)) finishAsRecorded(item, at);
        return;
      case 'retry':
        if (follows(item)) retry(item, at);
        return;
      case 'release':
        if (follows(item)) release(item.job, item.event.data.reason, at);
        return;
      case 'cycle':
        cycle(at, item.cycle.cycleId);
        return;
      case 'plan':
        cycle(at, item.cycle.cycleId, item.written);
        return;
    }
  };

  let next = 0;
  let now = 0;
  let lastCycle = -Infinity;
  let idleCycles = 0;
  for (;;) {
    const item = timeline[next];
    const itemAt = item ? Math.max(now, item.atSeconds) : Infinity;
    const derivedAt = derived.peekAt();
    const ticking = tally.waiting > 0 && Number.isFinite(lastCycle) && (extraCycles || !item);
    const tickAt = ticking ? lastCycle + tick : Infinity;
    const at = Math.min(itemAt, derivedAt, tickAt);
    if (at === Infinity) break;
    tally.elapse(at - now);
    now = at;
    if (item && itemAt === at) {
      apply(item, at);
      next += 1;
      if (item.kind === 'cycle' || item.kind === 'plan') lastCycle = at;
      continue;
    }
    let ended = false;
    while (derived.peekAt() === at) {
      const code = derived.pop()!.jobIndex;
      if (code % 2 === 0) start(code >> 1, at);
      else {
        finishDerived(code >> 1, at);
        ended = true;
      }
    }
    if (!ended && tickAt !== at) continue;
    if (!extraCycles && item) continue;
    const changed = cycle(at, `replay:${++extraCycleCount}`);
    lastCycle = at;
    const stalled = changed === 0 && derived.size === 0 && !item;
    idleCycles = stalled ? idleCycles + 1 : 0;
    if (idleCycles >= MAX_IDLE_CYCLES) break;
  }

  const result = tally.result();
  // A retried job's wait is to its first admission; one waiting again at the window's end has not finished.
  admissions.forEach((admission, i) => {
    if (admission) result.admittedAt[i] = admission.atSeconds;
  });
  for (const index of requeued) result.finishedAt[index] = NaN;
  return {
    admissions,
    laterAdmissions,
    run: {
      policy: candidate ? 'candidate' : 'recorded',
      workload: {
        name: `history ${history.from} – ${history.until}`,
        pools: history.pools,
        jobs,
        classes: startPolicy.classes ?? {},
        shares: startPolicy.shares,
        skipped: history.skipped,
      },
      ...result,
      admissionOrder: [...new Set(result.admissionOrder)],
      cycles,
      eventsRecorded: log.events.length,
    },
  };
}

const attemptKey = (job: number, attempt: number) => `${job}/${attempt}`;

/** Which recorded attempts started, ended and had their release recorded, and each job's last end. */
function recordedAttempts(timeline: readonly TimelineItem[]) {
  const started = new Set<string>();
  const ended = new Set<string>();
  const released = new Set<string>();
  const lastEnd = new Map<number, TerminalEvent>();
  for (const item of timeline) {
    if (item.kind === 'start') started.add(attemptKey(item.job, item.attempt));
    if (item.kind === 'release') released.add(attemptKey(item.job, item.attempt));
    if (item.kind === 'end') {
      ended.add(attemptKey(item.job, item.attempt));
      lastEnd.set(item.job, item.event);
    }
  }
  return { started, ended, released, lastEnd };
}

/** The job's last recorded end as a derived attempt writes it: no run id of the record, and a failure ends the job. */
function finalEventOf(jobId: string, recorded: TerminalEvent | undefined): EventInput {
  if (!recorded) return { type: 'JobSucceeded', data: { jobId } };
  switch (recorded.type) {
    case 'JobSucceeded':
      return { type: 'JobSucceeded', data: { jobId } };
    case 'JobFailed':
      return { type: 'JobFailed', data: { jobId, error: recorded.data.error, retryable: false } };
    case 'JobTimedOut':
      return { type: 'JobTimedOut', data: recorded.data };
    case 'JobCancelled':
      return { type: 'JobCancelled', data: recorded.data };
  }
}
