import { StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import type { StoredEvent } from '@sluice/domain';

/** Execution names allow 80 characters of letters, digits, - and _: the name is the idempotency key. */
export function executionName(jobId: string, attempt: number): string {
  return `${jobId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 70)}-a${attempt}`;
}

/**
 * Starts one job-manager execution per submitted job and per scheduled retry. A redelivered stream
 * batch starts nothing twice: an execution of the same name and input already exists.
 */
export async function startExecutions(
  client: SFNClient,
  stateMachineArn: string,
  events: StoredEvent[],
): Promise<number> {
  let started = 0;
  for (const event of events) {
    const attempt =
      event.type === 'JobSubmitted' ? 1 : event.type === 'JobRetryScheduled' ? event.data.attempt : undefined;
    if (attempt === undefined) continue;
    const jobId = (event.data as { jobId: string }).jobId;
    try {
      await client.send(
        new StartExecutionCommand({
          stateMachineArn,
          name: executionName(jobId, attempt),
          input: JSON.stringify({ jobId }),
        }),
      );
      started += 1;
    } catch (error) {
      if ((error as Error).name !== 'ExecutionAlreadyExists') throw error;
    }
  }
  return started;
}
