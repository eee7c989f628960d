import type { RunStatus } from '@sluice/domain';
import type { DescribeExecutionCommandOutput } from '@aws-sdk/client-sfn';

type Execution = Pick<DescribeExecutionCommandOutput, 'status' | 'error' | 'cause' | 'redriveStatus'>;

/** A pipeline execution's status as a Sluice run status. */
export function executionRunStatus(execution: Execution): RunStatus {
  const why = [execution.error, execution.cause].filter(Boolean).join(': ');
  switch (execution.status) {
    case 'RUNNING':
      return { state: 'running' };
    case 'SUCCEEDED':
      return { state: 'succeeded' };
    case 'FAILED':
      // A pipeline step failing (a source late, a throttled crawler) is worth the job's next attempt.
      return { state: 'failed', reason: why || 'pipeline execution failed', retryable: true };
    case 'TIMED_OUT':
      return { state: 'failed', reason: why || 'pipeline execution timed out', retryable: true };
    case 'ABORTED':
      return { state: 'cancelled', reason: why || 'pipeline execution stopped' };
    case 'PENDING_REDRIVE':
      // A redrive was requested: the same execution resumes from its failed state.
      return { state: 'starting' };
    default:
      return {
        state: 'failed',
        reason: `unknown execution status ${String(execution.status)}`,
        retryable: true,
      };
  }
}
