import {
  defaultSharePolicy,
  type JobSubmittedData,
  type SharePolicySetData,
  type StoredEvent,
} from '@sluice/domain';
import type { SimPool } from '../../simulation/workload/workload';
import type { HistoryAdmission, HistoryJob, HistoryWorkload, RecordedCycle, ReleaseEvent, TimelineItem } from './historyTypes';
import { earlierPlans } from './earlierPlans';
import { learnedRunTime } from './learnedRunTime';

export interface HistoryWindow {
  /** ISO instant: jobs submitted before it are left out; pools and policy before it are the starting state. */
  from?: string;
  /** ISO instant: events after it are left out. */
  until?: string;
}

interface JobRecord {
  job: HistoryJob;
  /** Its place in the workload's job list. */
  index: number;
  admittedAtMs?: number;
  startedAtMs?: number;
  endedAtMs?: number;
  /** The current attempt (admissions so far − 1) and whether it has started. */
  attempt: number;
  attemptStarted: boolean;
  /** When the current attempt was admitted and started. */
  attemptAdmittedAtMs?: number;
  attemptStartedAtMs?: number;
  /** Summed over the attempts that ended: time holding a pool, and time running. */
  heldMs: number;
  ranMs: number;
}

const JOB_PREFIX = 'job-';

/**
 * Rebuilds, from the recorded events alone, what a replay needs: each job (submission, demand,
 * pools, class, source, dataset, dependencies, recorded admission, start, end and outcome), each
 * pool's registrations, capacity reports and quota changes, the share policy over time and the
 * admission cycles with the instants they ran. Events are taken in feed order (`position`).
 */
export function workloadFromHistory(events: readonly StoredEvent[], window: HistoryWindow = {}): HistoryWorkload {
  const ordered = [...events].sort((a, b) => a.position - b.position);
  const fromMs = window.from !== undefined ? parseInstant('from', window.from) : undefined;
  const untilMs = window.until !== undefined ? parseInstant('until', window.until) : Infinity;
  const firstMs = ordered.length > 0 ? Date.parse(ordered[0]!.occurredAt) : 0;
  const originMs = fromMs ?? firstMs;
  const seconds = (ms: number) => Math.max(0, (ms - originMs) / 1000);

  const jobs = new Map<string, JobRecord>();
  const pools = new Map<string, SimPool>();
  const timeline: TimelineItem[] = [];
  const cycles: RecordedCycle[] = [];
  const ranks = new Map<string, number>();
  const skipped: Record<string, number> = {};
  const skip = (why: string) => (skipped[why] = (skipped[why] ?? 0) + 1);
  let initialPolicy: SharePolicySetData = defaultSharePolicy();
  let lastMs = originMs;

  for (const event of ordered) {
    const atMs = Date.parse(event.occurredAt);
    if (atMs > untilMs) break;
    lastMs = Math.max(lastMs, atMs);
    const before = fromMs !== undefined && atMs < fromMs;
    const at = seconds(atMs);
    const seq = event.position;
    switch (event.type) {
      case 'PoolRegistered':
        if (!pools.has(event.data.poolId)) pools.set(event.data.poolId, simPoolOf(event.data));
        timeline.push({ kind: 'pool', seq, atSeconds: at, event });
        break;
      case 'CapacityReleased':
        releaseOf(event, jobs, timeline, at);
        break;
      case 'PoolCapacityReported':
      case 'PoolQuotaChanged':
        timeline.push({ kind: 'pool', seq, atSeconds: at, event });
        break;
      case 'SharePolicySet':
        if (before || timeline.every((item) => item.kind !== 'policy')) initialPolicy = event.data;
        timeline.push({ kind: 'policy', seq, atSeconds: at, policy: event.data });
        break;
      case 'AdmissionCycleCompleted': {
        if (before) break;
        const cycle = { cycleId: event.data.cycleId, now: event.data.now, atSeconds: seconds(Date.parse(event.data.now)), snapshotPosition: event.data.snapshotPosition };
        cycles.push(cycle);
        // Just after the snapshot's position: the replayed cycle sees what the recorded one saw.
        timeline.push({ kind: 'cycle', seq: cycle.snapshotPosition + 0.5, atSeconds: cycle.atSeconds, cycle });
        break;
      }
      case 'JobSubmitted': {
        if (before) {
          skip('submitted before the window');
          break;
        }
        const index = jobs.size;
        jobs.set(event.data.jobId, { job: historyJobOf(event.data, at), index, attempt: -1, attemptStarted: false, heldMs: 0, ranMs: 0 });
        timeline.push({ kind: 'submit', seq, atSeconds: at, job: index });
        break;
      }
      default:
        if (event.streamId.startsWith(JOB_PREFIX)) applyJobEvent(event, jobs, timeline, ranks, at, atMs);
    }
  }

  const list = [...jobs.values()];
  const learned = learnedRunTime(list.map((r) => r.job));
  for (const record of list) finishJob(record, learned, lastMs);
  timeline.push(...earlierPlans(ordered, cycles, seconds));
  timeline.sort((a, b) => a.seq - b.seq);
  return {
    originMs,
    from: new Date(originMs).toISOString(),
    until: new Date(Number.isFinite(untilMs) ? untilMs : lastMs).toISOString(),
    jobs: list.map((r) => r.job),
    pools: [...pools.values()],
    initialPolicy,
    timeline,
    cycles,
    skipped,
  };
}

function applyJobEvent(
  event: StoredEvent,
  jobs: Map<string, JobRecord>,
  timeline: TimelineItem[],
  ranks: Map<string, number>,
  at: number,
  atMs: number,
): void {
  const jobId = (event.data as { jobId?: string }).jobId;
  const record = jobId !== undefined ? jobs.get(jobId) : undefined;
  if (!record) return;
  const job = record.job;
  const index = record.index;
  const seq = event.position;
  const ended = record.endedAtMs !== undefined;
  switch (event.type) {
    case 'JobAdmitted': {
      const cycleId = event.data.cycleId;
      const rank = cycleId !== undefined ? (ranks.get(cycleId) ?? 0) : 0;
      if (cycleId !== undefined) ranks.set(cycleId, rank + 1);
      const admission: HistoryAdmission = {
        atSeconds: at,
        poolId: event.data.poolId,
        cycleId,
        rank,
        reason: event.data.reason,
        ...(event.data.estimate ? { estimate: event.data.estimate } : {}),
      };
      record.attempt += 1;
      record.attemptStarted = false;
      record.attemptAdmittedAtMs = atMs;
      record.attemptStartedAtMs = undefined;
      if (record.admittedAtMs !== undefined) job.laterAdmissions.push(admission);
      else {
        record.admittedAtMs = atMs;
        job.admission = admission;
      }
      job.outcome = 'running';
      return;
    }
    case 'JobStarted':
      if (record.attemptStarted || ended) return;
      record.attemptStarted = true;
      record.attemptStartedAtMs = atMs;
      record.startedAtMs ??= atMs;
      timeline.push({ kind: 'start', seq, atSeconds: at, job: index, attempt: record.attempt });
      return;
    case 'JobCancelled':
      if (ended) return;
      if (record.admittedAtMs === undefined) {
        record.endedAtMs = atMs;
        job.outcome = 'cancelled';
        // The policy's own cancellations (a dependency that failed) are decisions the replay makes itself.
        if (event.actor.startsWith('scheduler:')) return;
        job.cancelledPendingAt = at;
        job.cancelReason = event.data.reason;
        timeline.push({ kind: 'cancelPending', seq, atSeconds: at, job: index });
        return;
      }
      endJob(record, 'cancelled', event, timeline, index, at, atMs);
      return;
    case 'JobSucceeded':
      if (!ended) endJob(record, 'succeeded', event, timeline, index, at, atMs);
      return;
    case 'JobFailed':
      if (!ended) endJob(record, 'failed', event, timeline, index, at, atMs);
      return;
    case 'JobTimedOut':
      if (!ended) endJob(record, 'timedOut', event, timeline, index, at, atMs);
      return;
    case 'JobRetryScheduled':
      // The failure that preceded it did not end the job: it waits again for its next attempt.
      if (record.endedAtMs === undefined || record.job.outcome !== 'failed') return;
      record.endedAtMs = undefined;
      job.outcome = 'pending';
      timeline.push({ kind: 'retry', seq, atSeconds: at, job: index, attempt: record.attempt, event });
      return;
    default:
      return;
  }
}

function endJob(
  record: JobRecord,
  outcome: HistoryJob['outcome'],
  event: Extract<StoredEvent, { type: 'JobSucceeded' | 'JobFailed' | 'JobTimedOut' | 'JobCancelled' }>,
  timeline: TimelineItem[],
  index: number,
  at: number,
  atMs: number,
): void {
  if (record.admittedAtMs === undefined) return;
  record.endedAtMs = atMs;
  record.heldMs += atMs - (record.attemptAdmittedAtMs ?? atMs);
  if (record.attemptStartedAtMs !== undefined) record.ranMs += atMs - record.attemptStartedAtMs;
  record.job.outcome = outcome;
  timeline.push({ kind: 'end', seq: event.position, atSeconds: at, job: index, attempt: record.attempt, event });
}

/** A pool's release of a job's reservation, fed at its own position: until then the views still hold it. */
function releaseOf(event: ReleaseEvent, jobs: Map<string, JobRecord>, timeline: TimelineItem[], at: number): void {
  const record = jobs.get(event.data.jobId);
  if (!record || record.attempt < 0) return;
  timeline.push({ kind: 'release', seq: event.position, atSeconds: at, job: record.index, attempt: record.attempt, event });
}

/** Sets the hold time and run time once the whole record of the job is read. */
function finishJob(record: JobRecord, learned: (job: HistoryJob) => number, lastMs: number): void {
  const job = record.job;
  const { admittedAtMs, startedAtMs, endedAtMs } = record;
  job.startDelaySeconds = admittedAtMs !== undefined && startedAtMs !== undefined ? (startedAtMs - admittedAtMs) / 1000 : 0;
  if (startedAtMs !== undefined && endedAtMs !== undefined) {
    // Summed over attempts: the back-off and queueing between two attempts held nothing and ran
    // nothing, so a job the replay admits elsewhere holds its pool only as long as its attempts did.
    job.runSeconds = record.ranMs / 1000;
    job.runTimeKnown = true;
    job.duration = record.heldMs / 1000;
    return;
  }
  // Never started, or still running at the window's end: the run time is learned, and a running
  // job holds its pool at least until the window's end.
  const runSeconds = learned(job);
  const heldSoFar = admittedAtMs !== undefined ? (lastMs - admittedAtMs) / 1000 : 0;
  job.duration = Math.max(job.startDelaySeconds + runSeconds, heldSoFar);
}

function historyJobOf(data: JobSubmittedData, arrival: number): HistoryJob {
  return {
    jobId: data.jobId,
    arrival,
    duration: 0,
    ...(data.estimateSeconds !== undefined ? { estimate: data.estimateSeconds } : {}),
    source: data.source,
    dataset: data.dataset,
    priorityClass: data.priorityClass,
    backend: data.backend,
    demand: data.demand,
    pools: data.pools,
    ...(data.jobName !== undefined ? { jobName: data.jobName } : {}),
    submitted: data,
    outcome: 'pending',
    runTimeKnown: false,
    startDelaySeconds: 0,
    runSeconds: undefined,
    admission: undefined,
    laterAdmissions: [],
  };
}

function simPoolOf(data: { poolId: string; backend: SimPool['backend']; capacity: SimPool['capacity']; quotas: SimPool['quotas'] }): SimPool {
  return { poolId: data.poolId, backend: data.backend, capacity: data.capacity, quotas: data.quotas };
}

function parseInstant(field: string, value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`${field}: not an ISO instant: ${value}`);
  return ms;
}
