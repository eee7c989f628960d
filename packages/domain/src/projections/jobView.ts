import type { StoredEvent } from '../events/envelope';
import type { Backend } from '../vocabulary';
import type { ResourceVector } from '../resources/resourceVector';
import { evolveJob } from '../job/evolveJob';
import { initialJobState, type JobState, type JobStatus } from '../job/jobState';
import type { Projection } from './projection';

export interface TimelineEntry {
  at: string;
  type: string;
  version: number;
  position: number;
  /** A short human summary of the event (pool, run id, error, reason). */
  detail?: string;
}

export interface JobSummary {
  jobId: string;
  status: JobStatus;
  source: string;
  dataset: string;
  priorityClass: string;
  priority: number;
  demand: ResourceVector;
  backend: Backend;
  pools: string[];
  poolId?: string;
  runId?: string;
  attempt: number;
  submittedAt: string;
  updatedAt: string;
  lastError?: string;
  cancelRequested: boolean;
  timeline: TimelineEntry[];
}

export interface JobViewState {
  jobs: Record<string, JobSummary>;
}

export const jobView: Projection<JobViewState> = {
  name: 'jobs',
  initialState: () => ({ jobs: {} }),
  evolve(state, event) {
    if (!event.streamId.startsWith('job-')) return state;
    const jobId = (event.data as { jobId: string }).jobId;
    const previous = state.jobs[jobId];
    const lifecycle = evolveJob(previous ? toJobState(previous) : initialJobState(), event);
    const job = lifecycle.job;
    if (!job) return state;
    const entry: TimelineEntry = { at: event.recordedAt, type: event.type, version: event.version, position: event.position };
    const detail = describe(event);
    if (detail) entry.detail = detail;
    const summary: JobSummary = {
      jobId,
      status: lifecycle.status,
      source: job.source,
      dataset: job.dataset,
      priorityClass: job.priorityClass,
      priority: job.priority,
      demand: job.demand,
      backend: job.backend,
      pools: job.pools,
      attempt: lifecycle.attempt,
      submittedAt: previous?.submittedAt ?? event.occurredAt,
      updatedAt: event.recordedAt,
      cancelRequested: lifecycle.cancelRequested,
      timeline: previous?.timeline ?? [],
    };
    if (lifecycle.poolId) summary.poolId = lifecycle.poolId;
    if (lifecycle.runId) summary.runId = lifecycle.runId;
    if (lifecycle.lastError) summary.lastError = lifecycle.lastError;
    summary.timeline.push(entry);
    state.jobs[jobId] = summary;
    return state;
  },
};

function toJobState(summary: JobSummary): JobState {
  // Only the fields evolveJob reads and the summary keeps; the spec itself is not needed here.
  return {
    status: summary.status,
    attempt: summary.attempt,
    cancelRequested: summary.cancelRequested,
    job: {
      jobId: summary.jobId,
      source: summary.source,
      dataset: summary.dataset,
      priorityClass: summary.priorityClass,
      priority: summary.priority,
      demand: summary.demand,
      backend: summary.backend,
      pools: summary.pools,
      spec: {},
      maxAttempts: 1,
    },
    ...(summary.poolId ? { poolId: summary.poolId } : {}),
    ...(summary.runId ? { runId: summary.runId } : {}),
    ...(summary.lastError ? { lastError: summary.lastError } : {}),
  };
}

function describe(event: StoredEvent): string | undefined {
  switch (event.type) {
    case 'JobSubmitted':
      return `${event.data.priorityClass} from ${event.data.source} for ${event.data.pools.join('|')}`;
    case 'JobAdmitted':
      return `to ${event.data.poolId}: ${event.data.reason}`;
    case 'JobStarted':
      return `run ${event.data.runId}`;
    case 'JobFailed':
      return `${event.data.retryable ? 'retryable' : 'permanent'}: ${event.data.error}`;
    case 'JobRetryScheduled':
      return `attempt ${event.data.attempt} not before ${event.data.notBefore}`;
    case 'JobCancellationRequested':
    case 'JobCancelled':
      return event.data.reason;
    case 'JobTimedOut':
      return `after ${event.data.afterSeconds}s`;
    default:
      return undefined;
  }
}
