import type { Backend, JobCommand, JobSummary, JobViewState, RunStatus } from '@sluice/domain';

/** A job Sluice believes holds a run on a backend. */
export interface BelievedRun {
  jobId: string;
  backend: Backend;
  poolId?: string;
  runId: string;
  cancelRequested: boolean;
}

/** What the backend said about a run. */
export type RunObservation =
  | { kind: 'status'; status: RunStatus }
  /** The backend has no such run. */
  | { kind: 'missing'; detail: string }
  /** The backend could not be asked (no adapter, throttled, unreachable): decide nothing now. */
  | { kind: 'unavailable'; detail: string };

export type ReconcileCommand = Extract<
  JobCommand,
  { type: 'CompleteJob' | 'FailJob' | 'ConfirmCancellation' }
>;

export interface ReconcileDecision {
  jobId: string;
  command: ReconcileCommand;
  why: string;
}

/** Jobs the job view shows admitted or running with a run id: the ones a backend should know. */
export function believedRuns(view: JobViewState | JobSummary[]): BelievedRun[] {
  const jobs = Array.isArray(view) ? view : Object.values(view.jobs);
  return jobs
    .filter((j) => (j.status === 'admitted' || j.status === 'running') && j.runId)
    .map((j) => ({
      jobId: j.jobId,
      backend: j.backend,
      ...(j.poolId ? { poolId: j.poolId } : {}),
      runId: j.runId!,
      cancelRequested: j.cancelRequested,
    }))
    .sort((a, b) => a.jobId.localeCompare(b.jobId));
}

/**
 * What to record for a run the backend reports on. Pure: the same belief, observation and time
 * give the same decision. Runs still in progress, and backends that could not be asked, give none.
 */
export function decideReconciliation(
  run: BelievedRun,
  observation: RunObservation,
  now: string,
): ReconcileDecision | undefined {
  const decide = (command: ReconcileCommand, why: string): ReconcileDecision => ({
    jobId: run.jobId,
    command,
    why,
  });
  switch (observation.kind) {
    case 'unavailable':
      return undefined;
    case 'missing':
      if (run.cancelRequested) {
        return decide(
          { type: 'ConfirmCancellation', reason: 'run gone after cancellation was requested' },
          observation.detail,
        );
      }
      // Failed for good: whatever the run did is unknown, and its reservation must be freed.
      return decide(
        { type: 'FailJob', error: `run lost: ${observation.detail}`, retryable: false, now },
        'backend has no such run',
      );
    case 'status': {
      const status = observation.status;
      switch (status.state) {
        case 'queued':
        case 'starting':
        case 'running':
          return undefined;
        case 'succeeded':
          return decide({ type: 'CompleteJob', runId: run.runId }, 'run succeeded, not yet reported');
        case 'failed':
          return decide(
            { type: 'FailJob', error: status.reason, retryable: status.retryable, now },
            'run failed, not yet reported',
          );
        case 'cancelled':
          if (run.cancelRequested) {
            return decide(
              { type: 'ConfirmCancellation', reason: status.reason ?? 'cancelled at the backend' },
              'run cancelled, not yet reported',
            );
          }
          // Stopped by someone outside Sluice: not a cancellation Sluice asked for, and not worth a retry.
          return decide(
            {
              type: 'FailJob',
              error: `stopped outside Sluice${status.reason ? `: ${status.reason}` : ''}`,
              retryable: false,
              now,
            },
            'run cancelled at the backend without a request',
          );
      }
    }
  }
}
