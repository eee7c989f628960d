import {
  BatchClient,
  ClientException,
  DescribeComputeEnvironmentsCommand,
  DescribeJobsCommand,
  ListJobsCommand,
  ServerException,
  SubmitJobCommand,
  TerminateJobCommand,
  type JobDetail,
} from '@aws-sdk/client-batch';
import { BackendBusyError, BackendRejectedError } from '@sluice/domain';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { TEST_AWS } from '../../testing/awsFaults';
import { backendContract } from '../../testing/backendContract';
import { FakeBatch } from '../../testing/fakes/fakeBatch';
import { BatchBackend } from './batchBackend';
import { SLUICE_CANCEL_REASON } from './batchJobStatus';

const request = (jobId: string, attempt = 1, spec: Record<string, unknown> = {}) => ({
  jobId,
  attempt,
  backend: 'batch' as const,
  poolId: 'batch-analytics',
  spec: { jobQueue: 'analytics', jobDefinition: 'transform:3', ...spec },
  demand: { vcpu: 2, memoryMiB: 4096 },
});

backendContract('BatchBackend (mocked AWS Batch)', () => {
  const fake = new FakeBatch();
  return {
    backend: new BatchBackend({ client: fake.client }),
    request: (jobId: string, attempt?: number) => request(jobId, attempt),
    probe: { poolId: 'batch-analytics', backend: 'batch' as const, config: { jobQueue: 'analytics' } },
    advance: () => fake.advance(),
    launchedRuns: (jobId: string) => fake.jobs.filter((j) => j.tags?.['sluice:job-id'] === jobId).length,
    refuseNextStart: (kind: 'busy' | 'rejected') =>
      fake.refuseNextStart(
        kind === 'busy'
          ? new ClientException({ message: 'Too Many Requests', $metadata: { httpStatusCode: 429 } })
          : new ClientException({
              message: 'Job definition transform:3 is INACTIVE',
              $metadata: { httpStatusCode: 400 },
            }),
      ),
    unknownRunId: '00000000-0000-4000-8000-00000000dead',
    dispose: () => fake.mock.restore(),
  };
});

function setup() {
  const client = new BatchClient(TEST_AWS);
  return { mock: mockClient(client), backend: new BatchBackend({ client }) };
}

const job = (status: string, extra: Partial<JobDetail> = {}): JobDetail =>
  ({
    jobId: 'job-1',
    jobName: 'sluice-j-a1',
    jobQueue: 'q',
    jobDefinition: 'd',
    status,
    startedAt: 1,
    ...extra,
  }) as JobDetail;

describe('BatchBackend', () => {
  it.each([
    ['SUBMITTED', {}, { state: 'queued' }],
    ['PENDING', {}, { state: 'queued' }],
    ['RUNNABLE', {}, { state: 'queued' }],
    ['STARTING', {}, { state: 'starting' }],
    ['RUNNING', {}, { state: 'running' }],
    ['SUCCEEDED', {}, { state: 'succeeded' }],
    [
      'FAILED',
      { statusReason: 'Essential container in task exited' },
      { state: 'failed', reason: 'Essential container in task exited', retryable: true },
    ],
    [
      'FAILED',
      { statusReason: 'Dependent Job failed' },
      { state: 'failed', reason: 'Dependent Job failed', retryable: false },
    ],
    ['FAILED', { statusReason: SLUICE_CANCEL_REASON }, { state: 'cancelled', reason: SLUICE_CANCEL_REASON }],
  ] as const)('maps status %s %o', async (status, extra, expected) => {
    const { mock, backend } = setup();
    mock.on(DescribeJobsCommand, { jobs: ['job-1'] }).resolves({ jobs: [job(status, extra)] });
    expect(await backend.status('job-1')).toEqual(expected);
  });

  it('submits an array job with dependencies, a share and a priority, named from job and attempt', async () => {
    const { mock, backend } = setup();
    mock.on(ListJobsCommand).resolves({ jobSummaryList: [] });
    mock.on(SubmitJobCommand).resolves({
      jobId: 'new-job',
      jobName: 'sluice-orders-a2',
      jobArn: 'arn:aws:batch:us-east-1:1:job/new-job',
    });
    await backend.start(
      request('orders', 2, {
        arraySize: 100,
        dependsOn: [{ jobId: 'upstream-array', type: 'N_TO_N' }, { type: 'SEQUENTIAL' }],
        shareIdentifier: 'finance',
        schedulingPriorityOverride: 80,
      }),
    );
    expect(mock.commandCalls(ListJobsCommand)[0]!.args[0].input).toEqual({
      jobQueue: 'analytics',
      filters: [{ name: 'JOB_NAME', values: ['sluice-orders-a2'] }],
    });
    expect(mock.commandCalls(SubmitJobCommand)[0]!.args[0].input).toMatchObject({
      jobName: 'sluice-orders-a2',
      jobQueue: 'analytics',
      jobDefinition: 'transform:3',
      arrayProperties: { size: 100 },
      dependsOn: [{ jobId: 'upstream-array', type: 'N_TO_N' }, { type: 'SEQUENTIAL' }],
      shareIdentifier: 'finance',
      schedulingPriorityOverride: 80,
      tags: { 'sluice:job-id': 'orders', 'sluice:attempt': '2' },
    });
  });

  it('adopts a job an earlier try submitted, whatever its status, instead of submitting another', async () => {
    const { mock, backend } = setup();
    mock.on(ListJobsCommand).resolves({
      jobSummaryList: [{ jobId: 'earlier', jobName: 'sluice-orders-a1', status: 'FAILED', jobArn: 'arn' }],
    });
    expect(await backend.start(request('orders'))).toEqual({ runId: 'earlier' });
    expect(mock.commandCalls(SubmitJobCommand)).toHaveLength(0);
  });

  it.each([
    [
      'ClientException 429 (throttled)',
      () => new ClientException({ message: 'Too Many Requests', $metadata: { httpStatusCode: 429 } }),
      BackendBusyError,
    ],
    [
      'ServerException',
      () => new ServerException({ message: 'Internal Server Error', $metadata: { httpStatusCode: 500 } }),
      BackendBusyError,
    ],
    [
      'ClientException 400',
      () =>
        new ClientException({
          message: 'Job queue analytics does not exist',
          $metadata: { httpStatusCode: 400 },
        }),
      BackendRejectedError,
    ],
  ])('a start refused with %s is the matching refusal', async (_name, error, kind) => {
    const { mock, backend } = setup();
    mock.on(ListJobsCommand).resolves({ jobSummaryList: [] });
    mock.on(SubmitJobCommand).rejects(error());
    const thrown = await backend.start(request('j')).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(kind);
    expect((thrown as Error).message).toContain(error().message);
  });

  it('cancels with TerminateJob and a reason it later recognises', async () => {
    const { mock, backend } = setup();
    mock.on(TerminateJobCommand).resolves({});
    await backend.cancel('job-1');
    expect(mock.commandCalls(TerminateJobCommand)[0]!.args[0].input).toEqual({
      jobId: 'job-1',
      reason: SLUICE_CANCEL_REASON,
    });
  });

  it('probes maxvCpus of enabled compute environments and the vCPUs, memory and GPUs of running jobs', async () => {
    const { mock, backend } = setup();
    mock.on(DescribeComputeEnvironmentsCommand).resolves({
      computeEnvironments: [
        {
          computeEnvironmentName: 'a',
          computeEnvironmentArn: 'arn:a',
          state: 'ENABLED',
          computeResources: { type: 'SPOT', maxvCpus: 256, subnets: [] },
        },
        {
          computeEnvironmentName: 'b',
          computeEnvironmentArn: 'arn:b',
          state: 'DISABLED',
          computeResources: { type: 'EC2', maxvCpus: 512, subnets: [] },
        },
      ],
    });
    mock.on(ListJobsCommand, { jobStatus: 'RUNNING' }).resolves({
      jobSummaryList: [
        { jobId: 'r1', jobName: 'x' },
        { jobId: 'arr', jobName: 'y' },
      ],
      nextToken: 'n',
    });
    mock
      .on(ListJobsCommand, { jobStatus: 'RUNNING', nextToken: 'n' })
      .resolves({ jobSummaryList: [{ jobId: 'legacy', jobName: 'z' }] });
    mock.on(ListJobsCommand, { jobStatus: 'STARTING' }).resolves({ jobSummaryList: [] });
    mock.on(DescribeJobsCommand).resolves({
      jobs: [
        job('RUNNING', {
          jobId: 'r1',
          container: {
            resourceRequirements: [
              { type: 'VCPU', value: '4' },
              { type: 'MEMORY', value: '8192' },
              { type: 'GPU', value: '1' },
            ],
          },
        }),
        job('RUNNING', {
          jobId: 'arr',
          arrayProperties: { size: 10, statusSummary: { RUNNING: 3, STARTING: 1, SUCCEEDED: 6 } },
          container: {
            resourceRequirements: [
              { type: 'VCPU', value: '1' },
              { type: 'MEMORY', value: '2048' },
            ],
          },
        }),
        job('RUNNING', { jobId: 'legacy', container: { vcpus: 2, memory: 1024 } }),
      ],
    });
    const report = await backend.probeCapacity({
      poolId: 'p',
      backend: 'batch',
      config: { jobQueue: 'q', computeEnvironments: ['a', 'b'] },
    });
    expect(report).toEqual({
      poolId: 'p',
      observed: { runs: 3, vcpu: 10, memoryMiB: 17_408, gpu: 1 },
      capacity: { vcpu: 256 },
    });
  });
});
