import type { z } from 'zod';
import type {
  DimensionHeadroom,
  JobStatus,
  JobSummary,
  PoolCapacity,
  QueuePosition,
  StoredEvent,
  jobSubmittedSchema,
} from '@sluice/domain';

/** What a caller gives to submit a job; the id and the priority value are Sluice's to decide. */
export type JobSubmission = Omit<z.input<typeof jobSubmittedSchema>, 'jobId' | 'priority'>;

export interface SubmittedJob {
  jobId: string;
  status: JobStatus;
  /** 1-based place in the queue while queued. */
  position: number | null;
}

export type JobListing = Omit<JobSummary, 'timeline'>;

export interface JobFilter {
  status?: JobStatus;
  source?: string;
  limit: number;
}

export interface PendingReason {
  code: string;
  reason: string;
}

export interface QueueEntry extends QueuePosition {
  pendingReason?: PendingReason;
}

export interface QueueListing {
  total: number;
  inFlight: number;
  jobs: QueueEntry[];
}

export interface PoolEntry extends Omit<PoolCapacity, 'reservations'> {
  reservedBy: number;
  headroom: DimensionHeadroom[];
}

export interface CancelResult {
  jobId: string;
  status: JobStatus;
  cancelRequested: boolean;
}

export interface FeedPage {
  events: StoredEvent[];
  lastPosition: number;
  isEnd: boolean;
}

/**
 * What the CLI needs from Sluice, whether it runs on the local store or behind the HTTP API:
 * commands are written once against this port and both ends give the same shapes.
 */
export interface SluiceClient {
  /** Where it talks to, for messages. */
  readonly target: string;
  submit(job: JobSubmission): Promise<SubmittedJob>;
  jobs(filter: JobFilter): Promise<JobListing[]>;
  queue(limit: number): Promise<QueueListing>;
  pools(): Promise<PoolEntry[]>;
  cancel(jobId: string, reason?: string): Promise<CancelResult>;
  /** The global feed, one page of events after a position. */
  readFeed(after: number, limit: number): Promise<FeedPage>;
  /** Every event of one stream, in version order. */
  readStream(streamId: string): Promise<StoredEvent[]>;
  close(): Promise<void>;
}
