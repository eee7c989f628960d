import { SFNClient, StartExecutionCommand, ExecutionAlreadyExists } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '@sluice/domain';
import { executionName, startExecutions } from './executionStarter';

const event = (type: string, data: Record<string, unknown>, position: number) =>
  ({ type, data, position, streamId: `job-${String(data.jobId)}`, version: 1 }) as unknown as StoredEvent;

describe('startExecutions', () => {
  it('starts one execution per submitted job and per retry, named by job and attempt', async () => {
    const sfn = mockClient(SFNClient);
    sfn
      .on(StartExecutionCommand)
      .resolves({ executionArn: 'arn:aws:states:us-east-1:1:execution:jm:x', startDate: new Date() });
    const started = await startExecutions(
      new SFNClient({ region: 'us-east-1' }),
      'arn:aws:states:us-east-1:1:stateMachine:jm',
      [
        event('JobSubmitted', { jobId: 'j1' }, 1),
        event('JobAdmitted', { jobId: 'j0', poolId: 'p' }, 2),
        event('JobRetryScheduled', { jobId: 'j2', attempt: 3, notBefore: '2026-01-01T00:00:00Z' }, 3),
      ],
    );
    expect(started).toBe(2);
    const calls = sfn.commandCalls(StartExecutionCommand).map((c) => c.args[0].input);
    expect(calls).toEqual([
      {
        stateMachineArn: 'arn:aws:states:us-east-1:1:stateMachine:jm',
        name: 'j1-a1',
        input: '{"jobId":"j1"}',
      },
      {
        stateMachineArn: 'arn:aws:states:us-east-1:1:stateMachine:jm',
        name: 'j2-a3',
        input: '{"jobId":"j2"}',
      },
    ]);
    sfn.restore();
  });

  it('treats an execution that already exists as started (a redelivered stream batch)', async () => {
    const sfn = mockClient(SFNClient);
    sfn
      .on(StartExecutionCommand)
      .rejects(new ExecutionAlreadyExists({ message: 'Execution Already Exists', $metadata: {} }));
    await expect(
      startExecutions(new SFNClient({ region: 'us-east-1' }), 'arn', [
        event('JobSubmitted', { jobId: 'j1' }, 1),
      ]),
    ).resolves.toBe(0);
    sfn
      .on(StartExecutionCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    await expect(
      startExecutions(new SFNClient({ region: 'us-east-1' }), 'arn', [
        event('JobSubmitted', { jobId: 'j1' }, 1),
      ]),
    ).rejects.toThrow('Rate exceeded');
    sfn.restore();
  });

  it('keeps execution names within what Step Functions accepts', () => {
    expect(executionName('a.b:c', 2)).toBe('a_b_c-a2');
    expect(executionName('x'.repeat(128), 10).length).toBeLessThanOrEqual(80);
  });
});
