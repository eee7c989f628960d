import type { StoredEvent } from '@sluice/domain';

/** One line per lifecycle event, so the terminal shows the scheduler at work. */
export function describeActivity(event: StoredEvent): string | undefined {
  switch (event.type) {
    case 'JobSubmitted':
      return `submitted  ${event.data.jobId} ${event.data.priorityClass}/${event.data.source} -> ${event.data.pools.join('|')}`;
    case 'JobAdmitted':
      return `admitted   ${event.data.jobId} to ${event.data.poolId}: ${event.data.reason}`;
    case 'JobStarted':
      return `started    ${event.data.jobId} as ${event.data.runId}`;
    case 'JobSucceeded':
      return `succeeded  ${event.data.jobId}`;
    case 'JobFailed':
      return `failed     ${event.data.jobId}: ${event.data.error}${event.data.retryable ? ' (retryable)' : ''}`;
    case 'JobRetryScheduled':
      return `retrying   ${event.data.jobId} attempt ${event.data.attempt} after ${event.data.notBefore}`;
    case 'JobCancelled':
      return `cancelled  ${event.data.jobId}: ${event.data.reason}`;
    default:
      return undefined;
  }
}
