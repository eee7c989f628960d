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
  /** In the simulator's shape, so its metrics read it unchanged. */
  run: SimulationRun;
  /** Per job (workload order): its replayed admission, if any. */
  admissions: (ReplayedAdmission | undefined)[];
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
 * cycle instants, each just after the position its recorded snapshot was read at. A job admitted
 * in the same recorded cycle on the same pool as in the record starts and ends at its recorded
 * instants; any other admission starts after its recorded start delay and ends after its recorded
 * hold time, and (for a candidate) the replay runs a cycle at each such end, as the reactor would.
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
  const recordedEnd = new Map<number, TerminalEvent>();
  const recordedStart = new Set<number>();
  for (const item of timeline) {
    if (item.kind === 'end') recordedEnd.set(item.job, item.event);
    if (item.kind === 'start') recordedStart.add(item.job);
  }
  // Jobs admitted as recorded follow the record's start and end; the rest follow `derived`.
  const asRecorded = new Uint8Array(jobs.length);
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

  const finish = (index: number, at: number) => {
    const job = jobs[index]!;
    const poolId = poolOf[index]!;
    const pool = log.views.capacity.pools[poolId]!;
    const reservation: ResourceVector = pool.reservations[job.jobId] ?? job.demand;
    const recorded = recordedEnd.get(index);
    const terminal = terminalEventOf(job.jobId, recorded);
    log.record(jobStreamId(job.jobId), [terminal], at);
    const reason = recorded ? RELEASE_REASON[recorded.type] : 'succeeded';
    log.record(poolStreamId(poolId), decidePool({ type: 'ReleaseCapacity', jobId: job.jobId, reason }, pool), at);
    tally.finished(index, reservation, at);
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
    admissions[index] = { atSeconds: at, poolId: admission.poolId, cycleId, rank, reason: admission.reason };
    const recorded = job.admission;
    const same = recorded?.cycleId === cycleId && recorded.poolId === admission.poolId;
    asRecorded[index] = same && recordedEnd.has(index) ? 1 : 0;
    if (asRecorded[index] === 0) {
      if (!(same && recordedStart.has(index))) derived.push(at + job.startDelaySeconds, index * 2);
      derived.push(at + job.duration, index * 2 + 1);
    }
    return true;
  };

  const cycle = (at: number, cycleId: string): number => {
    cycles += 1;
    const result = options.policy.cycle(snapshotOf(log.views, log.isoAt(at), log.pendingIndex));
    for (const c of result.cancellations) cancelPending(c.jobId, c.reason, at);
    let rank = 0;
    for (const admission of result.admissions) if (admit(admission, at, cycleId, rank)) rank += 1;
    return rank + result.cancellations.length;
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
        if (asRecorded[item.job] === 1) start(item.job, at);
        return;
      case 'end':
        if (asRecorded[item.job] === 1) finish(item.job, at);
        return;
      case 'cycle':
        cycle(at, item.cycle.cycleId);
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
      if (item.kind === 'cycle') lastCycle = at;
      continue;
    }
    let ended = false;
    while (derived.peekAt() === at) {
      const code = derived.pop()!.jobIndex;
      if (code % 2 === 0) start(code >> 1, at);
      else {
        finish(code >> 1, at);
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

  return {
    admissions,
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
      ...tally.result(),
      cycles,
      eventsRecorded: log.events.length,
    },
  };
}

/** The job's recorded end as the replay writes it: no run id of the record, and a failure ends the job (retries are not replayed). */
function terminalEventOf(jobId: string, recorded: TerminalEvent | undefined): EventInput {
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
