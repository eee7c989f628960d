import {
  AddJobFlowStepsCommand,
  CancelStepsCommand,
  DescribeStepCommand,
  EMRClient,
  InternalServerException,
  InvalidRequestException,
  ListClustersCommand,
  ListStepsCommand,
  type ClusterSummary,
  type StepSummary,
} from '@aws-sdk/client-emr';
import { BackendBusyError, BackendRejectedError, validateEventData } from '@sluice/domain';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_AWS, awsServiceError } from '../../testing/awsFaults';
import { backendContract } from '../../testing/backendContract';
import { FakeEmr } from '../../testing/fakes/fakeEmr';
import { startLocalServer, type LocalServer } from '../../testing/fakes/localServer';
import { EmrStepBackend } from './emrStepBackend';
import { clusterNameOf } from './emrSpec';

const cluster = (id: string, member: number, state: string, group = 'analytics'): ClusterSummary =>
  ({
    Id: id,
    Name: clusterNameOf(group, member, 'SPOT', 1_767_225_600_000),
    Status: { State: state },
    NormalizedInstanceHours: 0,
  }) as ClusterSummary;

const request = (jobId: string, attempt = 1) => ({
  jobId,
  attempt,
  backend: 'emr' as const,
  poolId: 'analytics',
  spec: { sparkSubmitArgs: ['--deploy-mode', 'cluster', 's3://jobs/orders.py', '--day', '2026-01-01'] },
  demand: { vcpu: 8, memoryMiB: 16_384 },
});

let yarn: LocalServer;
beforeAll(async () => {
  yarn = await startLocalServer((r) =>
    r.url.pathname === '/ws/v1/cluster/metrics'
      ? {
          status: 200,
          body: {
            clusterMetrics: {
              appsSubmitted: 12,
              appsCompleted: 9,
              appsPending: 1,
              appsRunning: 2,
              reservedMB: 0,
              availableMB: 40_960,
              allocatedMB: 24_576,
              totalMB: 65_536,
              reservedVirtualCores: 0,
              availableVirtualCores: 10,
              allocatedVirtualCores: 6,
              totalVirtualCores: 16,
              containersAllocated: 6,
              activeNodes: 2,
            },
          },
        }
      : { status: 404, body: { RemoteException: { exception: 'NotFoundException' } } },
  );
});
afterAll(() => yarn.close());

backendContract('EmrStepBackend (mocked EMR, YARN metrics over HTTP)', () => {
  const fake = new FakeEmr([
    cluster('j-AAAAAAAAAAAA1', 0, 'WAITING'),
    cluster('j-AAAAAAAAAAAA2', 1, 'RUNNING'),
    cluster('j-OTHERGROUP01', 0, 'RUNNING', 'adhoc'),
  ]);
  return {
    backend: new EmrStepBackend({ client: fake.client }),
    request,
    probe: {
      poolId: 'analytics',
      backend: 'emr' as const,
      config: { yarn: { host: '127.0.0.1', port: Number(new URL(yarn.url).port) } },
    },
    advance: () => fake.advance(),
    launchedRuns: (jobId: string) =>
      fake.allSteps().filter((s) => s.Name?.startsWith(`sluice-${jobId}-a`)).length,
    refuseNextStart: (kind: 'busy' | 'rejected') =>
      fake.refuseNextStart(
        kind === 'busy'
          ? awsServiceError('ThrottlingException', 'Rate exceeded')
          : new InvalidRequestException({
              message: 'The specified step argument is invalid',
              $metadata: { httpStatusCode: 400 },
            }),
      ),
    unknownRunId: 'j-AAAAAAAAAAAA1/s-NEVERADDED',
    dispose: () => fake.mock.restore(),
  };
});

function setup(clusters: ClusterSummary[], steps: Record<string, StepSummary[]> = {}) {
  const client = new EMRClient(TEST_AWS);
  const mock = mockClient(client);
  mock.on(ListClustersCommand).resolves({ Clusters: clusters });
  for (const c of clusters)
    mock.on(ListStepsCommand, { ClusterId: c.Id }).resolves({ Steps: steps[c.Id!] ?? [] });
  let n = 0;
  mock.on(AddJobFlowStepsCommand).callsFake(() => ({ StepIds: [`s-NEW${++n}`] }));
  return { mock, backend: new EmrStepBackend({ client, now: () => 0 }) };
}

const step = (id: string, state: string, name = `step-${id}`): StepSummary =>
  ({ Id: id, Name: name, Status: { State: state } }) as StepSummary;

describe('EmrStepBackend', () => {
  it.each([
    ['PENDING', { state: 'queued' }],
    ['CANCEL_PENDING', { state: 'running' }],
    ['RUNNING', { state: 'running' }],
    ['COMPLETED', { state: 'succeeded' }],
    ['CANCELLED', { state: 'cancelled', reason: 'Cancelled by user' }],
    ['FAILED', { state: 'failed', reason: 'Step failed with exitCode 1', retryable: true }],
    [
      'INTERRUPTED',
      { state: 'failed', reason: 'Cluster terminated: Spot instance interrupted', retryable: true },
    ],
  ])('maps step state %s', async (state, expected) => {
    const client = new EMRClient(TEST_AWS);
    const mock = mockClient(client);
    const reasons: Record<string, object> = {
      CANCELLED: { StateChangeReason: { Message: 'Cancelled by user' } },
      FAILED: {
        FailureDetails: {
          Reason: 'Unknown Error',
          Message: 'Step failed with exitCode 1',
          LogFile: 's3://logs/steps/s-1/',
        },
      },
      INTERRUPTED: { StateChangeReason: { Message: 'Cluster terminated: Spot instance interrupted' } },
    };
    mock.on(DescribeStepCommand, { ClusterId: 'j-1', StepId: 's-1' }).resolves({
      Step: {
        Id: 's-1',
        Name: 'sluice-j-a1',
        ActionOnFailure: 'CONTINUE',
        Status: { State: state as never, ...reasons[state] },
      },
    });
    expect(await new EmrStepBackend({ client }).status('j-1/s-1')).toEqual(expected);
  });

  it('adds a spark-submit step through command-runner.jar to the least-loaded ready cluster', async () => {
    const { mock, backend } = setup(
      [cluster('j-BUSY', 0, 'RUNNING'), cluster('j-IDLE', 1, 'WAITING'), cluster('j-BOOTING', 2, 'STARTING')],
      {
        'j-BUSY': [step('s-1', 'RUNNING'), step('s-2', 'PENDING')],
        'j-IDLE': [step('s-3', 'COMPLETED'), step('s-4', 'RUNNING')],
      },
    );
    expect(await backend.start(request('orders'))).toEqual({ runId: 'j-IDLE/s-NEW1' });
    expect(mock.commandCalls(AddJobFlowStepsCommand)[0]!.args[0].input).toEqual({
      JobFlowId: 'j-IDLE',
      Steps: [
        {
          Name: 'sluice-orders-a1',
          ActionOnFailure: 'CONTINUE',
          HadoopJarStep: {
            Jar: 'command-runner.jar',
            Args: ['spark-submit', '--deploy-mode', 'cluster', 's3://jobs/orders.py', '--day', '2026-01-01'],
          },
        },
      ],
    });
  });

  it('counts the steps it placed that the listing does not show yet', async () => {
    const { mock, backend } = setup([cluster('j-A', 0, 'RUNNING'), cluster('j-B', 1, 'RUNNING')]);
    await backend.start(request('first'));
    await backend.start(request('second'));
    await backend.start(request('third'));
    expect(mock.commandCalls(AddJobFlowStepsCommand).map((c) => c.args[0].input.JobFlowId)).toEqual([
      'j-A',
      'j-B',
      'j-A',
    ]);
  });

  it('adopts a step of the same name on any cluster of the group', async () => {
    const { mock, backend } = setup([cluster('j-A', 0, 'RUNNING'), cluster('j-B', 1, 'RUNNING')], {
      'j-B': [step('s-OLD', 'RUNNING', 'sluice-orders-a1')],
    });
    expect(await backend.start(request('orders'))).toEqual({ runId: 'j-B/s-OLD' });
    expect(mock.commandCalls(AddJobFlowStepsCommand)).toHaveLength(0);
  });

  it('is busy while its group has no cluster, or a cluster has too many active steps', async () => {
    const empty = setup([cluster('j-X', 0, 'RUNNING', 'other')]);
    await expect(empty.backend.start(request('j'))).rejects.toThrow(/no running cluster/);
    const full = setup([cluster('j-A', 0, 'RUNNING')]);
    full.mock.on(AddJobFlowStepsCommand).rejects(
      new InvalidRequestException({
        message:
          "Maximum number of active steps(State = 'Running', 'Pending' or 'Cancel_Pending') for cluster exceeded.",
        $metadata: { httpStatusCode: 400 },
      }),
    );
    await expect(full.backend.start(request('j'))).rejects.toBeInstanceOf(BackendBusyError);
  });

  it.each([
    ['ThrottlingException', () => awsServiceError('ThrottlingException', 'Rate exceeded'), BackendBusyError],
    [
      'InternalServerException',
      () => new InternalServerException({ message: 'Internal error', $metadata: { httpStatusCode: 500 } }),
      BackendBusyError,
    ],
    [
      'InvalidRequestException',
      () =>
        new InvalidRequestException({ message: 'Invalid step argument', $metadata: { httpStatusCode: 400 } }),
      BackendRejectedError,
    ],
  ])('a start refused with %s is the matching refusal', async (_name, error, kind) => {
    const { mock, backend } = setup([cluster('j-A', 0, 'RUNNING')]);
    mock.on(AddJobFlowStepsCommand).rejects(error());
    await expect(backend.start(request('j'))).rejects.toBeInstanceOf(kind);
  });

  it('cancels with SEND_INTERRUPT and refuses to call a running step cancelled when EMR refused', async () => {
    const client = new EMRClient(TEST_AWS);
    const mock = mockClient(client);
    mock
      .on(CancelStepsCommand)
      .resolves({ CancelStepsInfoList: [{ StepId: 's-1', Status: 'FAILED', Reason: 'internal error' }] });
    mock.on(DescribeStepCommand).resolves({ Step: { Id: 's-1', Status: { State: 'RUNNING' } } });
    await expect(new EmrStepBackend({ client }).cancel('j-1/s-1')).rejects.toThrow(/refused to cancel/);
    expect(mock.commandCalls(CancelStepsCommand)[0]!.args[0].input.StepCancellationOption).toBe(
      'SEND_INTERRUPT',
    );
  });

  it('probes active steps and YARN allocation across the group', async () => {
    const { backend } = setup([cluster('j-A', 0, 'RUNNING'), cluster('j-B', 1, 'WAITING')], {
      'j-A': [step('s-1', 'RUNNING'), step('s-2', 'PENDING'), step('s-3', 'COMPLETED')],
    });
    const report = await backend.probeCapacity({
      poolId: 'analytics',
      backend: 'emr',
      config: { yarn: { host: '127.0.0.1', port: Number(new URL(yarn.url).port) } },
    });
    expect(report).toEqual({
      poolId: 'analytics',
      observed: { runs: 2, vcpu: 12, memoryMiB: 49_152 },
      capacity: { vcpu: 32, memoryMiB: 131_072 },
    });
    expect(() => validateEventData('PoolCapacityReported', report)).not.toThrow();
  });
});
