import type { RunStatus } from '@sluice/domain';

export function emrStepRunStatus(status: {
  State?: string;
  StateChangeReason?: { Message?: string };
  FailureDetails?: { Reason?: string; Message?: string };
}): RunStatus {
  const why =
    status.FailureDetails?.Message ?? status.FailureDetails?.Reason ?? status.StateChangeReason?.Message;
  switch (status.State) {
    case 'PENDING':
      return { state: 'queued' };
    case 'RUNNING':
      return { state: 'running' };
    case 'CANCEL_PENDING':
      // Not cancelled until EMR says so: the step may still finish first.
      return { state: 'running' };
    case 'COMPLETED':
      return { state: 'succeeded' };
    case 'CANCELLED':
      return { state: 'cancelled', reason: why ?? 'step cancelled' };
    case 'FAILED':
      return { state: 'failed', reason: why ?? 'step failed', retryable: true };
    case 'INTERRUPTED':
      // The cluster went away under the step (Spot reclaim, termination): another cluster can run it.
      return { state: 'failed', reason: why ?? 'step interrupted', retryable: true };
    default:
      return { state: 'failed', reason: `unknown step state ${String(status.State)}`, retryable: true };
  }
}
