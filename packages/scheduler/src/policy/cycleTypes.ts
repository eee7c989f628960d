import type { Dimension, ResourceVector } from './domain';
import type { Admission, CycleResult, PendingJobReason } from './snapshot';

export interface CycleOptions {
  /** Stop admitting after this many admissions; later jobs wait with code `cycle-limit`. */
  maxAdmissions?: number;
  /**
   * Give reasons for the first N waiting jobs only (default: all). With 100k queued jobs the
   * reason strings cost more than the decisions, and an operator reads the head of the queue.
   */
  maxReasons?: number;
  /**
   * Which blocked jobs hold a pool for their start. `starving` (the default): only jobs past their
   * aging bound; the rest pass first-fit, and the reservation that guards against starvation lets
   * through what cannot delay it. `head`: EASY backfill, every blocked job at the head of a pool
   * whose start is known from estimates, plus the starving ones.
   */
  reservations?: 'starving' | 'head';
}

export interface SluiceAdmission extends Admission {
  /**
   * The part of the reservation above the pool's own limit, lent by pools of its cohort. Present
   * only when borrowing: the pool aggregate must accept it and the writer must guard the cohort.
   */
  borrowed?: ResourceVector;
}

export interface SluicePendingJobReason extends PendingJobReason {
  /** With code `behind-reservation`: the blocked job that holds the pool this one would fit. */
  reservedFor?: string;
}

/** A blocked job's claim on a pool's future capacity: later jobs may use the pool only if they cannot delay it. */
export interface CapacityReservation {
  jobId: string;
  poolId: string;
  /** Earliest instant the job could start from in-flight estimates; missing when unknown. */
  startsAt?: string;
  /** The dimensions it does not fit on now. */
  waitingOn: Dimension[];
}

export interface SluiceCycleResult extends CycleResult {
  admissions: SluiceAdmission[];
  pending: SluicePendingJobReason[];
  reservations: CapacityReservation[];
}
