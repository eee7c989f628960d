import type { RunStatus } from '@sluice/domain';

/** Livy batch states that will not change any more. */
export const FINAL_LIVY_STATES = new Set(['success', 'error', 'dead', 'killed']);

export function livyRunStatus(state: string | undefined): RunStatus {
  switch (state) {
    case 'not_started':
      return { state: 'queued' };
    case 'starting':
    case 'recovering':
      return { state: 'starting' };
    case 'idle':
    case 'running':
    case 'busy':
    case 'shutting_down':
      return { state: 'running' };
    case 'success':
      return { state: 'succeeded' };
    case 'killed':
      return { state: 'cancelled', reason: 'batch killed' };
    case 'error':
      return { state: 'failed', reason: 'batch ended in error', retryable: true };
    case 'dead':
      // The driver died (lost node, YARN kill): worth another attempt.
      return { state: 'failed', reason: 'batch died', retryable: true };
    default:
      return { state: 'failed', reason: `unknown batch state ${String(state)}`, retryable: true };
  }
}
