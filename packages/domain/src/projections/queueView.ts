import type { StoredEvent } from '../events/envelope';
import type { Dependency, RunEstimate } from '../events/jobEvents';
import type { ResourceVector } from '../resources/resourceVector';
import { retryFollows } from '../job/retryFollows';
import type { Projection } from './projection';

/** What the scheduler needs to know about a job, kept from its submission. */
export interface QueuedJob {
  jobId: string;
  source: string;
  dataset: string;
  priorityClass: string;
  priority: number;
  demand: ResourceVector;
  pools: string[];
  jobName?: string;
  estimateSeconds?: number;
  dependsOn?: Dependency[];
  maxAttempts: number;
  attempt: number;
  submittedAt: string;
  /** Global position of the submission: the final tie-break of queue order. */
  submittedPosition: number;
  /** When the job (re-)entered the queue; aging counts from here. */
  enqueuedAt: string;
  notBefore?: string;
  /** The job stream's version, for the admission's expected-version guard. */
  streamVersion: number;
  cancelRequested: boolean;
}

/** A job that holds a reservation: counted against per-source, per-dataset and per-job-name caps. */
export interface InFlightJob extends QueuedJob {
  poolId: string;
  reservation: ResourceVector;
  admittedAt: string;
  startedAt?: string;
  /** The run time the admission planned on, as recorded with it. */
  estimate?: RunEstimate;
}

export interface QueueViewState {
  pending: Record<string, QueuedJob>;
  inFlight: Record<string, InFlightJob>;
  /** Failed jobs whose retry event follows in the same append. */
  retrying: Record<string, QueuedJob>;
}

export interface QueuePosition extends QueuedJob {
  position: number;
}

export const queueView: Projection<QueueViewState> = {
  name: 'queue',
  initialState: () => ({ pending: {}, inFlight: {}, retrying: {} }),
  evolve(state, event) {
    applyQueueEvent(state, event);
    return state;
  },
};

function applyQueueEvent(state: QueueViewState, event: StoredEvent): void {
  if (!event.type.startsWith('Job')) return;
  const jobId = (event.data as { jobId: string }).jobId;
  const bump = <T extends QueuedJob>(job: T | undefined): T | undefined => {
    if (job) job.streamVersion = event.version;
    return job;
  };
  switch (event.type) {
    case 'JobSubmitted': {
      const d = event.data;
      state.pending[jobId] = {
        jobId,
        source: d.source,
        dataset: d.dataset,
        priorityClass: d.priorityClass,
        priority: d.priority,
        demand: d.demand,
        pools: d.pools,
        ...(d.jobName !== undefined ? { jobName: d.jobName } : {}),
        ...(d.estimateSeconds !== undefined ? { estimateSeconds: d.estimateSeconds } : {}),
        ...(d.dependsOn !== undefined ? { dependsOn: d.dependsOn } : {}),
        maxAttempts: d.maxAttempts,
        attempt: 1,
        submittedAt: event.occurredAt,
        submittedPosition: event.position,
        enqueuedAt: event.recordedAt,
        streamVersion: event.version,
        cancelRequested: false,
      };
      return;
    }
    case 'JobAdmitted': {
      const job = state.pending[jobId];
      if (!job) return;
      delete state.pending[jobId];
      const { notBefore: _cleared, ...rest } = job;
      state.inFlight[jobId] = {
        ...rest,
        streamVersion: event.version,
        poolId: event.data.poolId,
        reservation: event.data.reservation,
        admittedAt: event.recordedAt,
        ...(event.data.estimate ? { estimate: event.data.estimate } : {}),
      };
      return;
    }
    case 'JobStarted': {
      const job = bump(state.inFlight[jobId]);
      if (job) job.startedAt = event.recordedAt;
      return;
    }
    case 'JobCancellationRequested': {
      const job = bump(state.inFlight[jobId] ?? state.pending[jobId]);
      if (job) job.cancelRequested = true;
      return;
    }
    case 'JobFailed': {
      const job = state.inFlight[jobId];
      delete state.inFlight[jobId];
      if (job && retryFollows(job, event.data.retryable)) {
        const { poolId: _p, reservation: _r, admittedAt: _a, startedAt: _s, estimate: _e, ...queued } = job;
        state.retrying[jobId] = { ...queued, streamVersion: event.version };
      }
      return;
    }
    case 'JobRetryScheduled': {
      const job = state.retrying[jobId];
      delete state.retrying[jobId];
      if (job) {
        state.pending[jobId] = {
          ...job,
          attempt: event.data.attempt,
          notBefore: event.data.notBefore,
          enqueuedAt: event.recordedAt,
          streamVersion: event.version,
        };
      }
      return;
    }
    case 'JobSucceeded':
    case 'JobCancelled':
    case 'JobTimedOut':
      delete state.pending[jobId];
      delete state.inFlight[jobId];
      delete state.retrying[jobId];
      return;
  }
}

/** Queue order: higher priority first, then earlier submission, then global position. */
export function compareQueued(a: QueuedJob, b: QueuedJob): number {
  return (
    b.priority - a.priority ||
    (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0) ||
    a.submittedPosition - b.submittedPosition
  );
}

/** The pending jobs in queue order with their 1-based positions. */
export function orderedQueue(state: QueueViewState): QueuePosition[] {
  return Object.values(state.pending)
    .sort(compareQueued)
    .map((job, i) => ({ ...job, position: i + 1 }));
}
