import {
  SCHEDULER_STREAM,
  allViews,
  canonicalJobId,
  jobStreamId,
  type AdmissionCycleCompletedData,
  type JobSummary,
  type StoredEvent,
  type Views,
} from '@sluice/domain';
import { JobNotFoundError } from '../commands/jobCommands';
import { snapshotOf } from '../reactor/snapshotOf';
import type { SchedulingPolicy } from '../policy/snapshot';
import type { EventLogReader } from './eventLogReader';
import { feedOf } from './feed';
import type { PendingReason } from './pendingReasons';

export interface CycleCheck {
  cycleId: string;
  now: string;
  snapshotPosition: number;
  /** What the scheduler recorded for the job; missing when the cycle's list left it out. */
  recorded?: PendingReason;
  /** What the policy says again on the snapshot rebuilt from the log. */
  recomputed: PendingReason;
  /** Null when there is nothing recorded to compare with. */
  reproduced: boolean | null;
}

export interface Explanation {
  job: JobSummary;
  cycles: CycleCheck[];
  reproduced: number;
  differ: number;
}

interface RecordedCycle extends AdmissionCycleCompletedData {
  position: number;
}

/**
 * The cycles that saw the job and why it waited in each, checked by running the policy again on
 * the views as they were at each cycle's snapshot. Cycles are read first from the scheduler's
 * stream, so one pass over the feed can stop at every snapshot position on the way.
 */
export async function explainJob(
  log: EventLogReader,
  givenJobId: string,
  policy: SchedulingPolicy,
  onProgress?: (read: number) => void,
): Promise<Explanation> {
  const jobId = canonicalJobId(givenJobId);
  const cycles = (await log.readStream(SCHEDULER_STREAM))
    .filter((e) => e.type === 'AdmissionCycleCompleted')
    .map((e) => ({ ...(e.data as AdmissionCycleCompletedData), position: e.position }))
    .sort((a, b) => a.snapshotPosition - b.snapshotPosition || a.position - b.position);
  const projection = allViews();
  let views = projection.initialState();
  const checks: CycleCheck[] = [];
  const outcomes = { admittedBy: new Map<string, string>(), cancelledFor: undefined as string | undefined };
  let next = 0;
  let read = 0;
  const checkUpTo = (position: number) => {
    while (next < cycles.length && cycles[next]!.snapshotPosition < position) {
      const check = checkCycle(views, cycles[next++]!, jobId, policy);
      if (check) checks.push(check);
    }
  };
  for await (const page of feedOf(log)) {
    for (const event of page) {
      checkUpTo(event.position);
      views = projection.evolve(views, event);
      noteOutcome(event, jobId, outcomes);
    }
    read += page.length;
    onProgress?.(read);
  }
  checkUpTo(Infinity);
  const job = views.jobs.jobs[jobId];
  if (!job) throw new JobNotFoundError(jobId);
  const finished = checks.map((check) => settle(check, outcomes));
  const reproduced = finished.filter((c) => c.reproduced === true).length;
  const differ = finished.filter((c) => c.reproduced === false).length;
  return { job, cycles: finished, reproduced, differ };
}

function checkCycle(views: Views, cycle: RecordedCycle, jobId: string, policy: SchedulingPolicy): CycleCheck | undefined {
  const waiting = cycle.pending.find((w) => w.jobId === jobId);
  const admitted = cycle.admitted.includes(jobId);
  const cancelled = cycle.cancelled.includes(jobId);
  if (!waiting && !admitted && !cancelled && !views.queue.pending[jobId]) return undefined;
  const result = policy.cycle(snapshotOf(views, cycle.now));
  const check: CycleCheck = {
    cycleId: cycle.cycleId,
    now: cycle.now,
    snapshotPosition: cycle.snapshotPosition,
    recomputed: recomputedFor(result, jobId, views),
    reproduced: null,
  };
  if (waiting) check.recorded = { code: waiting.code, reason: waiting.reason };
  // The reasons of admissions and cancellations are on the job's own events; they are filled in once read.
  if (admitted) check.recorded = { code: 'admitted', reason: '' };
  if (cancelled) check.recorded = { code: 'cancelled', reason: '' };
  return check;
}

function recomputedFor(result: ReturnType<SchedulingPolicy['cycle']>, jobId: string, views: Views): PendingReason {
  const waiting = result.pending.find((w) => w.jobId === jobId);
  if (waiting) return { code: waiting.code, reason: waiting.reason };
  const admission = result.admissions.find((a) => a.jobId === jobId);
  if (admission) return { code: 'admitted', reason: admission.reason };
  const cancellation = result.cancellations.find((c) => c.jobId === jobId);
  if (cancellation) return { code: 'cancelled', reason: cancellation.reason };
  const status = views.jobs.jobs[jobId]?.status ?? 'unknown';
  return { code: 'not-queued', reason: `the job was ${status} at this snapshot` };
}

function noteOutcome(
  event: StoredEvent,
  jobId: string,
  outcomes: { admittedBy: Map<string, string>; cancelledFor: string | undefined },
): void {
  if (event.streamId !== jobStreamId(jobId)) return;
  if (event.type === 'JobAdmitted') {
    const data = event.data as { reason: string; cycleId?: string };
    if (data.cycleId) outcomes.admittedBy.set(data.cycleId, data.reason);
  } else if (event.type === 'JobCancelled') {
    outcomes.cancelledFor = (event.data as { reason: string }).reason;
  }
}

function settle(
  check: CycleCheck,
  outcomes: { admittedBy: Map<string, string>; cancelledFor: string | undefined },
): CycleCheck {
  const recorded = check.recorded;
  if (!recorded) return check;
  if (recorded.code === 'admitted') recorded.reason = outcomes.admittedBy.get(check.cycleId) ?? '(no JobAdmitted found)';
  if (recorded.code === 'cancelled') recorded.reason = outcomes.cancelledFor ?? '(no JobCancelled found)';
  return {
    ...check,
    reproduced: recorded.code === check.recomputed.code && recorded.reason === check.recomputed.reason,
  };
}
