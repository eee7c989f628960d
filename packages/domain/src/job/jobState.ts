import type { ResourceVector } from '../resources/resourceVector';
import type { JobSubmittedData } from '../events/jobEvents';

export type JobStatus =
  | 'unknown'
  | 'queued'
  | 'admitted'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'timedOut';

export const TERMINAL_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled', 'timedOut'];

export interface JobState {
  status: JobStatus;
  job?: JobSubmittedData;
  /** 1 for the first run; a scheduled retry increments it. */
  attempt: number;
  poolId?: string;
  reservation?: ResourceVector;
  runId?: string;
  /** A scheduled retry may not be admitted before this time. */
  notBefore?: string;
  cancelRequested: boolean;
  lastError?: string;
}

export const initialJobState = (): JobState => ({ status: 'unknown', attempt: 1, cancelRequested: false });

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** True while the job holds a reservation on a pool. */
export function holdsCapacity(status: JobStatus): boolean {
  return status === 'admitted' || status === 'running';
}
