import type { JobSubmittedData, RunEstimate, SharePolicySetData, StoredEvent } from '@sluice/domain';
import type { SimJob, SimPool } from '../../simulation/workload/workload';

/** How a job ended in the record (after its retries); `pending` and `running` were still going at the window's end. */
export type RecordedOutcome = 'succeeded' | 'failed' | 'timedOut' | 'cancelled' | 'pending' | 'running';

/** One recorded admission of a job (the first attempt's, or a retry's). */
export interface HistoryAdmission {
  atSeconds: number;
  poolId: string;
  /** The recorded cycle that made it; undefined for an admission outside any cycle. */
  cycleId: string | undefined;
  /** Its place among the admissions of that cycle, from 0. */
  rank: number;
  reason: string;
  estimate?: RunEstimate;
}

/**
 * One job as the record saw it. `duration` (from `SimJob`) is how long the job held its pool's
 * capacity, from admission to release; `runSeconds` is the part from start to end. A job that never
 * started has no recorded run time: it gets `learnedSeconds` (see `learnedRunTime`) and
 * `runTimeKnown` false, and is left out of the slowdown figures.
 */
export interface HistoryJob extends SimJob {
  submitted: JobSubmittedData;
  outcome: RecordedOutcome;
  runTimeKnown: boolean;
  /** Seconds from admission to `JobStarted`, replayed as recorded (the runner's latency). */
  startDelaySeconds: number;
  runSeconds: number | undefined;
  admission: HistoryAdmission | undefined;
  /** Seconds at which a user cancelled it while it was still pending. */
  cancelledPendingAt?: number;
  cancelReason?: string;
  /** Recorded admissions after the first (retries), in order: replayed from the recorded retry events. */
  laterAdmissions: HistoryAdmission[];
}

/** A recorded admission cycle: the instant it ran and the feed position its snapshot was built to. */
export interface RecordedCycle {
  cycleId: string;
  /** The ISO instant of its (last) plan, and the same in seconds. */
  now: string;
  atSeconds: number;
  snapshotPosition: number;
}

/**
 * What the replay feeds in, in the record's global order (`seq`): each input at the position it was
 * appended, each cycle just after the position its snapshot was read at, so a replayed cycle sees
 * exactly the inputs the recorded one saw. A job's run events name the `attempt` (its admission,
 * from 0) they belong to: the replay feeds them only while it follows that attempt as recorded.
 */
export type TimelineItem =
  | { kind: 'submit'; seq: number; atSeconds: number; job: number }
  | { kind: 'pool'; seq: number; atSeconds: number; event: PoolInputEvent }
  | { kind: 'policy'; seq: number; atSeconds: number; policy: SharePolicySetData }
  | { kind: 'cancelPending'; seq: number; atSeconds: number; job: number }
  | { kind: 'start'; seq: number; atSeconds: number; job: number; attempt: number }
  | { kind: 'end'; seq: number; atSeconds: number; job: number; attempt: number; event: TerminalEvent }
  | { kind: 'retry'; seq: number; atSeconds: number; job: number; attempt: number; event: RetryEvent }
  | { kind: 'release'; seq: number; atSeconds: number; job: number; attempt: number; event: ReleaseEvent }
  | { kind: 'cycle'; seq: number; atSeconds: number; cycle: RecordedCycle }
  /** An earlier plan of a recorded cycle that re-planned after a write conflict: only `written` (job ids) went through. */
  | { kind: 'plan'; seq: number; atSeconds: number; cycle: RecordedCycle; written: ReadonlySet<string> };

export type PoolInputEvent = Extract<
  StoredEvent,
  { type: 'PoolRegistered' | 'PoolCapacityReported' | 'PoolQuotaChanged' }
>;
export type TerminalEvent = Extract<
  StoredEvent,
  { type: 'JobSucceeded' | 'JobFailed' | 'JobTimedOut' | 'JobCancelled' }
>;

/** A retryable failure's requeue: the job waits again, until the recorded `notBefore`. */
export type RetryEvent = Extract<StoredEvent, { type: 'JobRetryScheduled' }>;
/** The pool's release of an attempt's reservation: appended after the job's end, at its own feed position. */
export type ReleaseEvent = Extract<StoredEvent, { type: 'CapacityReleased' }>;

/** Everything rebuilt from the log for one window. Seconds count from `originMs`. */
export interface HistoryWorkload {
  originMs: number;
  from: string;
  until: string;
  jobs: HistoryJob[];
  /** Pools as first registered (the base utilization is measured against). */
  pools: SimPool[];
  /** The share policy in force at the window's start. */
  initialPolicy: SharePolicySetData;
  timeline: TimelineItem[];
  cycles: RecordedCycle[];
  /** Events of the window left out, counted by why. */
  skipped: Record<string, number>;
}
