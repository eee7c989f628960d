import {
  EMRClient,
  ListClustersCommand,
  ListStepsCommand,
  RunJobFlowCommand,
  TerminateJobFlowsCommand,
  type ClusterSummary,
} from '@aws-sdk/client-emr';
import { validateEventData } from '@sluice/domain';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { TEST_AWS } from '../../../testing/awsFaults';
import { clusterNameOf } from '../emrSpec';
import { ClusterGroupManager } from './clusterGroupManager';

const NOW = Date.UTC(2026, 0, 1, 12);
const config = {
  groupId: 'analytics',
  poolId: 'emr-analytics',
  tier: 'small',
  members: 2,
  idleTerminateAfterSeconds: 1800,
  launch: {
    releaseLabel: 'emr-7.5.0',
    serviceRole: 'EMR_DefaultRole',
    jobFlowRole: 'EMR_EC2_DefaultRole',
    subnetIds: ['subnet-1', 'subnet-2'],
    logUri: 's3://logs/emr/',
  },
};

const summary = (
  id: string,
  member: number,
  state: string,
  extra: Partial<ClusterSummary['Status']> = {},
): ClusterSummary => ({
  Id: id,
  Name: clusterNameOf('analytics', member, 'SPOT', NOW - 7_200_000),
  Status: {
    State: state as never,
    Timeline: { CreationDateTime: new Date(NOW - 7_200_000), ReadyDateTime: new Date(NOW - 6_600_000) },
    ...extra,
  },
});

function setup(clusters: ClusterSummary[]) {
  const client = new EMRClient(TEST_AWS);
  const mock = mockClient(client);
  mock.on(ListClustersCommand).resolves({ Clusters: clusters });
  mock.on(ListStepsCommand).resolves({ Steps: [] });
  mock
    .on(RunJobFlowCommand)
    .resolves({ JobFlowId: 'j-NEW', ClusterArn: 'arn:aws:elasticmapreduce:us-east-1:1:cluster/j-NEW' });
  mock.on(TerminateJobFlowsCommand).resolves({});
  return { mock, manager: new ClusterGroupManager({ client, now: () => NOW }) };
}

describe('ClusterGroupManager', () => {
  it('replaces a member lost to Spot with an on-demand cluster and reports the new capacity', async () => {
    const { mock, manager } = setup([
      summary('j-ALIVE', 0, 'RUNNING'),
      summary('j-LOST', 1, 'TERMINATED_WITH_ERRORS', {
        StateChangeReason: { Code: 'INSTANCE_FAILURE', Message: 'Spot instances were interrupted' },
        Timeline: { CreationDateTime: new Date(NOW - 7_200_000), EndDateTime: new Date(NOW - 300_000) },
      }),
    ]);
    const outcome = await manager.reconcileGroup(config, 1);
    expect(outcome.actions).toEqual([
      { type: 'launch', member: 1, market: 'ON_DEMAND', reason: 'replacement' },
    ]);
    const input = mock.commandCalls(RunJobFlowCommand)[0]!.args[0].input;
    expect(input.Name).toBe(clusterNameOf('analytics', 1, 'ON_DEMAND', NOW));
    expect(input.Instances?.InstanceFleets?.[1]).toMatchObject({
      InstanceFleetType: 'CORE',
      TargetOnDemandCapacity: 2,
    });
    expect(input.Instances?.KeepJobFlowAliveWhenNoSteps).toBe(true);
    expect(outcome.events).toEqual([
      {
        type: 'PoolCapacityReported',
        data: { poolId: 'emr-analytics', observed: { runs: 0 }, capacity: { vcpu: 32, memoryMiB: 98_304 } },
      },
    ]);
    expect(() => validateEventData('PoolCapacityReported', outcome.events[0]!.data)).not.toThrow();
  });

  it('creates members on Spot with EMR switching to on-demand when Spot is not granted', async () => {
    const { mock, manager } = setup([]);
    await manager.reconcileGroup(config, 3);
    const core = mock.commandCalls(RunJobFlowCommand)[0]!.args[0].input.Instances?.InstanceFleets?.[1];
    expect(core).toMatchObject({
      TargetSpotCapacity: 2,
      LaunchSpecifications: {
        SpotSpecification: { TimeoutAction: 'SWITCH_TO_ON_DEMAND', TimeoutDurationMinutes: 10 },
      },
    });
    expect(mock.commandCalls(RunJobFlowCommand)).toHaveLength(2);
  });

  it('terminates an idle group and reports zero capacity', async () => {
    const { mock, manager } = setup([summary('j-A', 0, 'WAITING'), summary('j-B', 1, 'WAITING')]);
    const outcome = await manager.reconcileGroup(config, 0);
    expect(mock.commandCalls(TerminateJobFlowsCommand)[0]!.args[0].input).toEqual({
      JobFlowIds: ['j-A', 'j-B'],
    });
    expect(outcome.events[0]).toMatchObject({ data: { capacity: { vcpu: 0, memoryMiB: 0 } } });
  });

  it('does nothing, and reports nothing, for a healthy busy group', async () => {
    const { mock, manager } = setup([summary('j-A', 0, 'RUNNING'), summary('j-B', 1, 'RUNNING')]);
    expect(await manager.reconcileGroup(config, 2)).toEqual({ actions: [], launched: [], events: [] });
    expect(mock.commandCalls(RunJobFlowCommand)).toHaveLength(0);
  });
});
