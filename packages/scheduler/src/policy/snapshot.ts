import type {
  CapacityViewState,
  JobStatus,
  QueueViewState,
  ResourceVector,
  RunEstimate,
  RunHistoryState,
  SharePolicySetData,
  SourceUsageState,
} from '@sluice/domain';
import type { PendingIndex } from './pendingIndex';

/**
 * Everything one admission cycle looks at, taken at one instant. The policy reads nothing else:
 * no clock, no store, so the same snapshot always gives the same decisions.
 */
export interface SchedulingSnapshot {
  /** ISO time of the cycle. */
  now: string;
  queue: QueueViewState;
  capacity: CapacityViewState;
  usage: SourceUsageState;
  policy: SharePolicySetData;
  /** Status of jobs that pending jobs depend on (missing = unknown to Sluice). */
  dependencyStatus: Record<string, JobStatus>;
  /** Past run durations: estimates for jobs that declare none (absent: declared estimates only). */
  runs?: RunHistoryState;
  /**
   * The pending jobs of `queue`, kept ordered by whoever keeps the views, so a cycle reads only
   * the jobs it decides on. Absent (or following another view), the cycle builds one: a sort.
   */
  pendingIndex?: PendingIndex;
}

export interface Admission {
  jobId: string;
  poolId: string;
  reservation: ResourceVector;
  /** Why now, in words an operator can read ("class high, source team-a at 0.21 of its share, best fit"). */
  reason: string;
  /** Versions the decision was made against: the write is guarded by them. */
  jobStreamVersion: number;
  poolStreamVersion: number;
  /** The run time the decision planned on, recorded with the admission. */
  estimate?: RunEstimate;
}

export interface PendingJobReason {
  jobId: string;
  /** Stable machine code: quota, capacity, cap-source, cap-dataset, cap-jobname, dependency, retry-backoff, behind-reservation, fair-share… */
  code: string;
  /** Human-readable: "pool glue-prod: runs 50/50; 3 jobs ahead in class high". */
  reason: string;
}

export interface DependencyCancellation {
  jobId: string;
  reason: string;
}

export interface CycleResult {
  /** In the order they should be written. */
  admissions: Admission[];
  pending: PendingJobReason[];
  /** Jobs whose afterSuccess dependency failed: they will never run. */
  cancellations: DependencyCancellation[];
}

/** A scheduling policy: Sluice's, or one of the baselines the simulator compares it with. */
export interface SchedulingPolicy {
  readonly name: string;
  cycle(snapshot: SchedulingSnapshot): CycleResult;
}
