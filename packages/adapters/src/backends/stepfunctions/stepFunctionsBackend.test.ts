import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionLimitExceeded,
  InvalidArn,
  ListExecutionsCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { BackendBusyError, BackendRejectedError } from '@sluice/domain';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { awsServiceError, TEST_AWS } from '../../testing/awsFaults';
import { backendContract } from '../../testing/backendContract';
import { FakeStepFunctions } from '../../testing/fakes/fakeStepFunctions';
import { StepFunctionsBackend, executionArnOf } from './stepFunctionsBackend';

const MACHINE = 'arn:aws:states:us-east-1:123456789012:stateMachine:ingest-orders';
const meta = { $metadata: { httpStatusCode: 400 } };

backendContract('StepFunctionsBackend (mocked Step Functions)', () => {
  const fake = new FakeStepFunctions([MACHINE]);
  return {
    backend: new StepFunctionsBackend({ client: fake.client }),
    request: (jobId: string, attempt = 1) => ({
      jobId,
      attempt,
      backend: 'stepfunctions' as const,
      poolId: 'pipelines',
      spec: { stateMachineArn: MACHINE, input: { dataset: 'orders', day: '2026-01-01' } },
      demand: { runs: 1 },
    }),
    probe: {
      poolId: 'pipelines',
      backend: 'stepfunctions' as const,
      config: { stateMachineArns: [MACHINE], maxConcurrentExecutions: 20 },
    },
    advance: () => fake.advance(),
    launchedRuns: (jobId: string) => fake.executionsOf(jobId).length,
    refuseNextStart: (kind: 'busy' | 'rejected') =>
      fake.refuseNextStart(
        kind === 'busy'
          ? new ExecutionLimitExceeded({ message: 'Execution limit exceeded', ...meta })
          : new InvalidArn({ message: 'Invalid Arn: Resource type not valid in this context', ...meta }),
      ),
    unknownRunId: executionArnOf(MACHINE, 'never-started'),
    dispose: () => fake.mock.restore(),
  };
});

function setup() {
  const client = new SFNClient(TEST_AWS);
  return { mock: mockClient(client), backend: new StepFunctionsBackend({ client }) };
}

const describeOutput = (status: string, extra: Record<string, unknown> = {}) => ({
  executionArn: executionArnOf(MACHINE, 'sluice-j1-a1'),
  stateMachineArn: MACHINE,
  name: 'sluice-j1-a1',
  status,
  startDate: new Date('2026-01-01T00:00:00Z'),
  input: '{}',
  inputDetails: { included: true },
  ...extra,
});

describe('StepFunctionsBackend', () => {
  it.each([
    ['RUNNING', { state: 'running' }],
    ['SUCCEEDED', { state: 'succeeded' }],
    ['FAILED', { state: 'failed', reason: 'States.TaskFailed: Glue job etl failed', retryable: true }],
    ['TIMED_OUT', { state: 'failed', reason: 'States.Timeout: execution timed out', retryable: true }],
    ['ABORTED', { state: 'cancelled', reason: 'Sluice.Cancelled: cancelled through Sluice' }],
    ['PENDING_REDRIVE', { state: 'starting' }],
  ])('maps execution status %s', async (status, expected) => {
    const { mock, backend } = setup();
    const errors: Record<string, Record<string, string>> = {
      FAILED: { error: 'States.TaskFailed', cause: 'Glue job etl failed' },
      TIMED_OUT: { error: 'States.Timeout', cause: 'execution timed out' },
      ABORTED: { error: 'Sluice.Cancelled', cause: 'cancelled through Sluice' },
    };
    mock.on(DescribeExecutionCommand).resolves(describeOutput(status, errors[status] ?? {}) as never);
    expect(await backend.status(executionArnOf(MACHINE, 'sluice-j1-a1'))).toEqual(expected);
  });

  it('names the execution from job and attempt and tags the input with them', async () => {
    const { mock, backend } = setup();
    mock
      .on(StartExecutionCommand)
      .resolves({ executionArn: executionArnOf(MACHINE, 'sluice-j1-a2'), startDate: new Date() });
    await backend.start({
      jobId: 'j1',
      attempt: 2,
      backend: 'stepfunctions',
      poolId: 'p',
      spec: { stateMachineArn: MACHINE, input: { day: 'd' } },
      demand: {},
    });
    const input = mock.commandCalls(StartExecutionCommand)[0]!.args[0].input;
    expect(input.name).toBe('sluice-j1-a2');
    expect(JSON.parse(input.input!)).toEqual({ day: 'd', sluice: { jobId: 'j1', attempt: 2 } });
  });

  it('adopts an existing execution with the same input, and refuses one with another input', async () => {
    const { mock, backend } = setup();
    const request = {
      jobId: 'j1',
      attempt: 1,
      backend: 'stepfunctions' as const,
      poolId: 'p',
      spec: { stateMachineArn: MACHINE },
      demand: {},
    };
    mock
      .on(StartExecutionCommand)
      .rejects(new ExecutionAlreadyExists({ message: 'Execution Already Exists', ...meta }));
    mock.on(DescribeExecutionCommand).resolves(
      describeOutput('SUCCEEDED', {
        input: JSON.stringify({ sluice: { jobId: 'j1', attempt: 1 } }),
      }) as never,
    );
    expect(await backend.start(request)).toEqual({ runId: executionArnOf(MACHINE, 'sluice-j1-a1') });

    mock
      .on(DescribeExecutionCommand)
      .resolves(describeOutput('RUNNING', { input: '{"other":true}' }) as never);
    await expect(backend.start(request)).rejects.toThrow(BackendRejectedError);
  });

  it.each([
    ['ThrottlingException', 400, BackendBusyError],
    ['ExecutionLimitExceeded', 400, BackendBusyError],
    ['ServiceUnavailable', 503, BackendBusyError],
    ['StateMachineDoesNotExist', 400, BackendRejectedError],
    ['InvalidExecutionInput', 400, BackendRejectedError],
  ])('a start refused with %s (HTTP %i) is the matching refusal', async (name, status, kind) => {
    const { mock, backend } = setup();
    mock.on(StartExecutionCommand).rejects(awsServiceError(name, `${name} happened`, status));
    const error = await backend
      .start({
        jobId: 'j',
        attempt: 1,
        backend: 'stepfunctions',
        poolId: 'p',
        spec: { stateMachineArn: MACHINE },
        demand: {},
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(kind);
    expect((error as Error).message).toContain(`${name} happened`);
  });

  it('counts running executions over every page and lists Sluice runs with their job ids', async () => {
    const { mock, backend } = setup();
    const item = (name: string) => ({
      executionArn: executionArnOf(MACHINE, name),
      stateMachineArn: MACHINE,
      name,
      status: 'RUNNING' as const,
      startDate: new Date(),
    });
    mock
      .on(ListExecutionsCommand, { stateMachineArn: MACHINE, statusFilter: 'RUNNING', maxResults: 1000 })
      .resolves({ executions: [item('sluice-orders-a1'), item('manual-run')], nextToken: 'page2' })
      .on(ListExecutionsCommand, { nextToken: 'page2' })
      .resolves({ executions: [item('sluice-users-a3')] });
    const probe = {
      poolId: 'pipelines',
      backend: 'stepfunctions' as const,
      config: { stateMachineArns: [MACHINE] },
    };
    expect(await backend.probeCapacity(probe)).toEqual({ poolId: 'pipelines', observed: { runs: 3 } });
    const runs = await backend.listRuns(probe);
    expect(runs.map((r) => r.jobId)).toEqual(['orders', 'users']);
  });

  it('stops an execution with a Sluice error and ignores one that no longer exists', async () => {
    const { mock, backend } = setup();
    mock
      .on(StopExecutionCommand)
      .resolvesOnce({ stopDate: new Date() })
      .rejectsOnce(awsServiceError('ExecutionDoesNotExist', 'gone'));
    await backend.cancel(executionArnOf(MACHINE, 'sluice-j-a1'));
    await backend.cancel(executionArnOf(MACHINE, 'sluice-j-a1'));
    expect(mock.commandCalls(StopExecutionCommand)[0]!.args[0].input.error).toBe('Sluice.Cancelled');
  });
});
