import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  AccessDeniedException,
  BatchStopJobRunCommand,
  ConcurrentRunsExceededException,
  EntityNotFoundException,
  GetConnectionCommand,
  GetJobRunCommand,
  GetJobRunsCommand,
  GlueClient,
  InternalServiceException,
  InvalidInputException,
  OperationTimeoutException,
  ResourceNumberLimitExceededException,
  StartJobRunCommand,
  ThrottlingException,
  type JobRun,
} from '@aws-sdk/client-glue';
import { GetServiceQuotaCommand, ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { BackendBusyError, BackendRejectedError, validateEventData } from '@sluice/domain';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { TEST_AWS } from '../../testing/awsFaults';
import { backendContract } from '../../testing/backendContract';
import { FakeGlue } from '../../testing/fakes/fakeGlue';
import { dpuOf } from './glueDpu';
import { GlueJobBackend, SLUICE_ATTEMPT_ARGUMENT, SLUICE_JOB_ID_ARGUMENT } from './glueJobBackend';

const meta = { $metadata: { httpStatusCode: 400 } };
const request = (jobId: string, attempt = 1, spec: Record<string, unknown> = {}) => ({
  jobId,
  attempt,
  backend: 'glue' as const,
  poolId: 'glue-prod',
  spec: { jobName: 'etl', workerType: 'G.1X', numberOfWorkers: 10, jobRunQueuingEnabled: true, ...spec },
  demand: { runs: 1, dpu: 10 },
});

backendContract('GlueJobBackend (mocked Glue)', () => {
  let now = Date.UTC(2026, 0, 1);
  const fake = new FakeGlue(() => now);
  return {
    backend: new GlueJobBackend({ glue: fake.client, now: () => new Date(now) }),
    request: (jobId: string, attempt?: number) => request(jobId, attempt),
    probe: { poolId: 'glue-prod', backend: 'glue' as const, config: { jobNames: ['etl'] } },
    advance: () => {
      now += 60_000;
      fake.advance();
    },
    launchedRuns: (jobId: string) =>
      fake.runs.filter((r) => r.Arguments?.[SLUICE_JOB_ID_ARGUMENT] === jobId).length,
    refuseNextStart: (kind: 'busy' | 'rejected') =>
      fake.refuseNextStart(
        kind === 'busy'
          ? FakeGlue.busy()
          : new EntityNotFoundException({ message: 'Job etl not found', ...meta }),
      ),
    unknownRunId: 'etl/jr_0000000000000000000000000000000000000000000000000000000000000dead',
    dispose: () => fake.mock.restore(),
  };
});

function setup() {
  const glue = new GlueClient(TEST_AWS);
  return { glue, mock: mockClient(glue), backend: new GlueJobBackend({ glue }) };
}

const jobRun = (state: string, extra: Partial<JobRun> = {}): JobRun =>
  ({
    Id: 'jr_1',
    JobName: 'etl',
    JobRunState: state,
    StartedOn: new Date('2026-01-01T00:00:00Z'),
    Attempt: 0,
    ...extra,
  }) as JobRun;

describe('GlueJobBackend', () => {
  it.each([
    ['WAITING', { state: 'queued' }],
    ['STARTING', { state: 'starting' }],
    ['RUNNING', { state: 'running' }],
    ['STOPPING', { state: 'running' }],
    ['STOPPED', { state: 'cancelled', reason: 'job run stopped' }],
    ['SUCCEEDED', { state: 'succeeded' }],
    [
      'FAILED',
      { state: 'failed', reason: 'An error occurred while calling o90.pyWriteDynamicFrame', retryable: true },
    ],
    ['TIMEOUT', { state: 'failed', reason: 'job run exceeded its timeout', retryable: true }],
    ['ERROR', { state: 'failed', reason: 'Job etl was deleted', retryable: false }],
    ['EXPIRED', { state: 'failed', reason: 'job run expired while waiting for resources', retryable: true }],
  ])('maps JobRunState %s', async (state, expected) => {
    const { mock, backend } = setup();
    const messages: Record<string, string> = {
      FAILED: 'An error occurred while calling o90.pyWriteDynamicFrame',
      ERROR: 'Job etl was deleted',
    };
    mock
      .on(GetJobRunCommand, { JobName: 'etl', RunId: 'jr_1' })
      .resolves({ JobRun: jobRun(state, messages[state] ? { ErrorMessage: messages[state] } : {}) });
    expect(await backend.status('etl/jr_1')).toEqual(expected);
  });

  it('starts with the sizing from the spec and the job and attempt as arguments', async () => {
    const { mock, backend } = setup();
    mock.on(GetJobRunsCommand).resolves({ JobRuns: [] });
    mock.on(StartJobRunCommand).resolves({ JobRunId: 'jr_new' });
    const { runId } = await backend.start(
      request('orders-2026', 3, {
        arguments: { '--day': '2026-01-01' },
        timeoutMinutes: 60,
        executionClass: 'FLEX',
      }),
    );
    expect(runId).toBe('etl/jr_new');
    expect(mock.commandCalls(StartJobRunCommand)[0]!.args[0].input).toEqual({
      JobName: 'etl',
      Arguments: {
        '--day': '2026-01-01',
        [SLUICE_JOB_ID_ARGUMENT]: 'orders-2026',
        [SLUICE_ATTEMPT_ARGUMENT]: '3',
      },
      WorkerType: 'G.1X',
      NumberOfWorkers: 10,
      Timeout: 60,
      ExecutionClass: 'FLEX',
      JobRunQueuingEnabled: true,
    });
  });

  it('adopts a run an earlier try started, found on a later page of GetJobRuns, without starting another', async () => {
    const { mock, backend } = setup();
    mock
      .on(GetJobRunsCommand, { JobName: 'etl', MaxResults: 200 })
      .resolves({
        JobRuns: [
          jobRun('RUNNING', {
            Id: 'jr_other',
            Arguments: { [SLUICE_JOB_ID_ARGUMENT]: 'x', [SLUICE_ATTEMPT_ARGUMENT]: '1' },
          }),
        ],
        NextToken: 't2',
      })
      .on(GetJobRunsCommand, { NextToken: 't2' })
      .resolves({
        JobRuns: [
          jobRun('STARTING', {
            Id: 'jr_mine',
            Arguments: { [SLUICE_JOB_ID_ARGUMENT]: 'j1', [SLUICE_ATTEMPT_ARGUMENT]: '2' },
          }),
        ],
      });
    expect(await backend.start(request('j1', 2))).toEqual({ runId: 'etl/jr_mine' });
    expect(mock.commandCalls(StartJobRunCommand)).toHaveLength(0);
  });

  it('sizes Python shell jobs by MaxCapacity', async () => {
    const { mock, backend } = setup();
    mock.on(GetJobRunsCommand).resolves({ JobRuns: [] });
    mock.on(StartJobRunCommand).resolves({ JobRunId: 'jr_py' });
    await backend.start(
      request('py', 1, { workerType: undefined, numberOfWorkers: undefined, maxCapacity: 0.0625 }),
    );
    expect(mock.commandCalls(StartJobRunCommand)[0]!.args[0].input.MaxCapacity).toBe(0.0625);
    await expect(backend.start(request('both', 1, { maxCapacity: 1 }))).rejects.toThrow(
      /either maxCapacity or workerType/,
    );
  });

  it.each([
    [
      'ConcurrentRunsExceededException',
      () => new ConcurrentRunsExceededException({ message: 'Concurrent runs exceeded for etl', ...meta }),
      BackendBusyError,
    ],
    [
      'ThrottlingException',
      () => new ThrottlingException({ message: 'Rate exceeded', ...meta }),
      BackendBusyError,
    ],
    [
      'ResourceNumberLimitExceededException',
      () => new ResourceNumberLimitExceededException({ message: 'Max DPUs reached', ...meta }),
      BackendBusyError,
    ],
    [
      'OperationTimeoutException',
      () => new OperationTimeoutException({ message: 'Timed out', ...meta }),
      BackendBusyError,
    ],
    [
      'InternalServiceException',
      () => new InternalServiceException({ message: 'Internal error', $metadata: { httpStatusCode: 500 } }),
      BackendBusyError,
    ],
    [
      'EntityNotFoundException',
      () => new EntityNotFoundException({ message: 'Job etl not found', ...meta }),
      BackendRejectedError,
    ],
    [
      'InvalidInputException',
      () => new InvalidInputException({ message: 'WorkerType G.9X is invalid', ...meta }),
      BackendRejectedError,
    ],
    [
      'AccessDeniedException',
      () => new AccessDeniedException({ message: 'not authorized to perform glue:StartJobRun', ...meta }),
      BackendRejectedError,
    ],
  ])('a start refused with %s is the matching refusal', async (_name, error, kind) => {
    const { mock, backend } = setup();
    mock.on(GetJobRunsCommand).resolves({ JobRuns: [] });
    mock.on(StartJobRunCommand).rejects(error());
    const thrown = await backend.start(request('j')).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(kind);
    expect((thrown as Error).message).toContain(error().message);
  });

  it('a throttled lookup is busy too: nothing is started blind', async () => {
    const { mock, backend } = setup();
    mock.on(GetJobRunsCommand).rejects(new ThrottlingException({ message: 'Rate exceeded', ...meta }));
    await expect(backend.start(request('j'))).rejects.toBeInstanceOf(BackendBusyError);
    expect(mock.commandCalls(StartJobRunCommand)).toHaveLength(0);
  });

  it('stops with BatchStopJobRun, accepting Glue refusing to stop a run that has ended', async () => {
    const { mock, backend } = setup();
    const refusal = {
      Errors: [
        {
          JobName: 'etl',
          JobRunId: 'jr_1',
          ErrorDetail: {
            ErrorCode: 'InvalidInputException',
            ErrorMessage: 'Job Run cannot be stopped in current state.',
          },
        },
      ],
    };
    mock.on(BatchStopJobRunCommand).resolves(refusal);
    mock
      .on(GetJobRunCommand)
      .resolvesOnce({ JobRun: jobRun('SUCCEEDED') })
      .resolves({ JobRun: jobRun('RUNNING') });
    await backend.cancel('etl/jr_1');
    await expect(backend.cancel('etl/jr_1')).rejects.toThrow(/refused to stop/);
  });

  it('probes running runs, their DPUs and worker IPs, the account quotas and the subnet', async () => {
    const glue = new GlueClient(TEST_AWS);
    const serviceQuotas = new ServiceQuotasClient(TEST_AWS);
    const ec2 = new EC2Client(TEST_AWS);
    const g = mockClient(glue);
    const q = mockClient(serviceQuotas);
    const e = mockClient(ec2);
    const now = new Date('2026-01-03T00:00:00Z');
    g.on(GetJobRunsCommand, { JobName: 'etl' }).resolves({
      JobRuns: [
        jobRun('RUNNING', {
          WorkerType: 'G.1X',
          NumberOfWorkers: 10,
          StartedOn: new Date('2026-01-02T23:00:00Z'),
        }),
        jobRun('STARTING', {
          WorkerType: 'G.2X',
          NumberOfWorkers: 5,
          StartedOn: new Date('2026-01-02T23:30:00Z'),
        }),
        jobRun('SUCCEEDED', { WorkerType: 'G.8X', NumberOfWorkers: 50 }),
      ],
      NextToken: 'older',
    });
    g.on(GetJobRunsCommand, { JobName: 'etl', NextToken: 'older' }).resolves({
      JobRuns: [jobRun('FAILED', { StartedOn: new Date('2025-12-01T00:00:00Z') })],
      NextToken: 'much-older',
    });
    g.on(GetJobRunsCommand, { JobName: 'shell' }).resolves({
      JobRuns: [jobRun('RUNNING', { MaxCapacity: 0.0625, StartedOn: now })],
    });
    g.on(GetConnectionCommand, { Name: 'warehouse-vpc' }).resolves({
      Connection: {
        Name: 'warehouse-vpc',
        ConnectionType: 'JDBC',
        PhysicalConnectionRequirements: { SubnetId: 'subnet-0abc', AvailabilityZone: 'us-east-1a' },
      },
    });
    q.on(GetServiceQuotaCommand, { ServiceCode: 'glue', QuotaCode: 'L-RUNS' }).resolves({
      Quota: {
        ServiceCode: 'glue',
        QuotaCode: 'L-RUNS',
        QuotaName: 'Max concurrent job runs per account',
        Value: 50,
        Unit: 'None',
        Adjustable: true,
      },
    });
    q.on(GetServiceQuotaCommand, { ServiceCode: 'glue', QuotaCode: 'L-DPUS' }).resolves({
      Quota: {
        ServiceCode: 'glue',
        QuotaCode: 'L-DPUS',
        QuotaName: 'Max DPUs used concurrently',
        Value: 1000,
        Unit: 'None',
        Adjustable: true,
      },
    });
    e.on(DescribeSubnetsCommand, { SubnetIds: ['subnet-0abc'] }).resolves({
      Subnets: [
        {
          SubnetId: 'subnet-0abc',
          AvailableIpAddressCount: 200,
          CidrBlock: '10.0.0.0/24',
          VpcId: 'vpc-1',
          State: 'available',
        },
      ],
    });
    const backend = new GlueJobBackend({ glue, serviceQuotas, ec2, now: () => now });
    const report = await backend.probeCapacity({
      poolId: 'glue-prod',
      backend: 'glue',
      config: {
        jobNames: ['etl', 'shell'],
        serviceQuotas: { runs: 'L-RUNS', dpu: 'L-DPUS' },
        connectionName: 'warehouse-vpc',
      },
    });
    expect(report).toEqual({
      poolId: 'glue-prod',
      observed: { runs: 3, dpu: 20.0625, ips: 16 },
      capacity: { runs: 50, dpu: 1000, ips: 216 },
    });
    expect(() => validateEventData('PoolCapacityReported', report)).not.toThrow();
    // The page of runs older than the lookback ends the walk.
    expect(g.commandCalls(GetJobRunsCommand, { NextToken: 'much-older' })).toHaveLength(0);
  });

  it('knows the DPUs of every worker type', () => {
    expect(dpuOf({ WorkerType: 'G.025X', NumberOfWorkers: 4 })).toBe(1);
    expect(dpuOf({ WorkerType: 'G.16X', NumberOfWorkers: 2 })).toBe(32);
    expect(dpuOf({ WorkerType: 'R.4X', NumberOfWorkers: 3 })).toBe(12);
    expect(dpuOf({ WorkerType: 'Z.2X', NumberOfWorkers: 3 })).toBe(6);
    expect(dpuOf({ MaxCapacity: 0.0625 })).toBe(0.0625);
    expect(dpuOf({})).toBeUndefined();
  });
});
