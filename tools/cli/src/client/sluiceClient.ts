import type { z } from 'zod';
import type { JobStatus, jobSubmittedSchema } from '@sluice/domain';
import type {
  EventLogReader,
  JobListingEntry,
  PendingReason,
  PoolListingEntry,
  QueueEntry,
  QueueListing,
} from '@sluice/scheduler';

/** What a caller gives to submit a job; the id and the priority value are Sluice's to decide. */
export type JobSubmission = Omit<z.input<typeof jobSubmittedSchema>, 'jobId' | 'priority'>;

export interface SubmittedJob {
  jobId: string;
  status: JobStatus;
  /** 1-based place in the queue while queued. */
  position: number | null;
}

export type JobListing = JobListingEntry;

export interface JobFilter {
  status?: JobStatus;
  source?: string;
  limit: number;
}

export type { PendingReason, QueueEntry, QueueListing };
export type PoolEntry = PoolListingEntry;

export interface SubmitOptions {
  /** Queue the job even if a pool it names is not registered yet. */
  waitForPools?: boolean;
}

export interface CancelResult {
  jobId: string;
  status: JobStatus;
  cancelRequested: boolean;
}

/**
 * What the CLI needs from Sluice, whether it runs on the local store or behind the HTTP API:
 * commands are written once against this port and both ends give the same shapes.
 */
export interface SluiceClient extends EventLogReader {
  /** Where it talks to, for messages. */
  readonly target: string;
  submit(job: JobSubmission, options?: SubmitOptions): Promise<SubmittedJob>;
  jobs(filter: JobFilter): Promise<{ jobs: JobListing[]; total: number }>;
  queue(limit: number): Promise<QueueListing>;
  pools(): Promise<PoolEntry[]>;
  cancel(jobId: string, reason?: string): Promise<CancelResult>;
  close(): Promise<void>;
}
