import type { RunStatus } from '@sluice/domain';

/**
 * A job as slurmrestd gives it. v0.0.40 lists the base state first, then flags, and reports the
 * exit code as an object; v0.0.38 gives the state as one string and the exit code as the raw
 * wait status (the code shifted left by 8 bits, a signal in the low bits).
 */
export interface SlurmJob {
  job_id: number;
  name?: string;
  job_state?: string[] | string;
  state_reason?: string;
  exit_code?: number | { status?: string[]; return_code?: { set?: boolean; number?: number } };
}

/** The job's exit code, when slurmrestd reports one. */
export function exitCodeOf(job: SlurmJob): number | undefined {
  const code = job.exit_code;
  if (typeof code === 'number') return code >> 8;
  return code?.return_code?.set ? code.return_code.number : undefined;
}

export const baseStateOf = (job: SlurmJob): string =>
  (Array.isArray(job.job_state) ? job.job_state[0] : job.job_state) ?? 'UNKNOWN';

const FINAL = new Set([
  'COMPLETED',
  'CANCELLED',
  'FAILED',
  'TIMEOUT',
  'NODE_FAIL',
  'PREEMPTED',
  'BOOT_FAIL',
  'DEADLINE',
  'OUT_OF_MEMORY',
]);
export const isFinalSlurmJob = (job: SlurmJob) => FINAL.has(baseStateOf(job));

export function slurmRunStatus(job: SlurmJob): RunStatus {
  const exitCode = exitCodeOf(job);
  const code = exitCode !== undefined ? ` (exit code ${exitCode})` : '';
  const reason = (what: string) =>
    `${what}${job.state_reason && job.state_reason !== 'None' ? `: ${job.state_reason}` : ''}${code}`;
  switch (baseStateOf(job)) {
    case 'PENDING':
      return { state: 'queued' };
    case 'CONFIGURING':
      return { state: 'starting' };
    case 'RUNNING':
    case 'COMPLETING':
    case 'SUSPENDED':
    case 'STOPPED':
      // Holding its nodes, whether computing, winding down or paused.
      return { state: 'running' };
    case 'COMPLETED':
      return { state: 'succeeded' };
    case 'CANCELLED':
      return { state: 'cancelled', reason: reason('job cancelled') };
    case 'FAILED':
      return { state: 'failed', reason: reason('job failed'), retryable: true };
    case 'TIMEOUT':
      return { state: 'failed', reason: reason('job reached its time limit'), retryable: true };
    case 'NODE_FAIL':
    case 'BOOT_FAIL':
    case 'PREEMPTED':
      // The cluster, not the job, failed: another attempt may land on healthy nodes.
      return { state: 'failed', reason: reason(`job ended ${baseStateOf(job)}`), retryable: true };
    case 'OUT_OF_MEMORY':
    case 'DEADLINE':
      // The same attempt with the same limits ends the same way.
      return { state: 'failed', reason: reason(`job ended ${baseStateOf(job)}`), retryable: false };
    default:
      return { state: 'queued' };
  }
}
