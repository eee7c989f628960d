import type { RunStatus } from '@sluice/domain';

/** The reason Sluice gives TerminateJob, so a job it cancelled reads as cancelled, not failed. */
export const SLUICE_CANCEL_REASON = 'Cancelled through Sluice';

export function batchJobRunStatus(job: { status?: string; statusReason?: string }): RunStatus {
  switch (job.status) {
    case 'SUBMITTED':
    case 'PENDING':
    case 'RUNNABLE':
      // Waiting on dependencies or on compute capacity.
      return { state: 'queued' };
    case 'STARTING':
      return { state: 'starting' };
    case 'RUNNING':
      return { state: 'running' };
    case 'SUCCEEDED':
      return { state: 'succeeded' };
    case 'FAILED':
      if (job.statusReason?.startsWith(SLUICE_CANCEL_REASON))
        return { state: 'cancelled', reason: job.statusReason };
      // A dependency that failed will fail this job again on every retry.
      if (job.statusReason?.startsWith('Dependent Job failed')) {
        return { state: 'failed', reason: job.statusReason, retryable: false };
      }
      return { state: 'failed', reason: job.statusReason ?? 'batch job failed', retryable: true };
    default:
      return { state: 'failed', reason: `unknown batch job status ${String(job.status)}`, retryable: true };
  }
}
