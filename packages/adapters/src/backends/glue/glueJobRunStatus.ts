import type { RunStatus } from '@sluice/domain';

/** Glue job run states that still hold workers. */
export const ACTIVE_GLUE_STATES = new Set(['STARTING', 'RUNNING', 'STOPPING']);

export function glueJobRunStatus(run: { JobRunState?: string; ErrorMessage?: string }): RunStatus {
  const message = run.ErrorMessage;
  switch (run.JobRunState) {
    case 'WAITING':
      // Queued by Glue for capacity (job run queuing).
      return { state: 'queued' };
    case 'STARTING':
      return { state: 'starting' };
    case 'RUNNING':
    case 'STOPPING':
      // Still holding its workers until it has stopped.
      return { state: 'running' };
    case 'SUCCEEDED':
      return { state: 'succeeded' };
    case 'STOPPED':
      return { state: 'cancelled', reason: message ?? 'job run stopped' };
    case 'FAILED':
      return { state: 'failed', reason: message ?? 'job run failed', retryable: true };
    case 'TIMEOUT':
      return { state: 'failed', reason: message ?? 'job run exceeded its timeout', retryable: true };
    case 'EXPIRED':
      // Waited in Glue's queue past its limit: capacity, not the job, was the problem.
      return {
        state: 'failed',
        reason: message ?? 'job run expired while waiting for resources',
        retryable: true,
      };
    case 'ERROR':
      // Glue could not run it at all (a deleted job, a bad configuration): retrying will not help.
      return { state: 'failed', reason: message ?? 'job run could not be started', retryable: false };
    default:
      return { state: 'failed', reason: `unknown job run state ${String(run.JobRunState)}`, retryable: true };
  }
}
