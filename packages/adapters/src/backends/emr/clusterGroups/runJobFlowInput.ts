import type { RunJobFlowCommandInput } from '@aws-sdk/client-emr';
import type { ClusterGroupConfig } from './clusterGroupConfig';
import type { Market } from './planClusterGroup';
import type { SizeTier } from './sizeTiers';

/**
 * A member cluster with instance fleets. On Spot, the core fleet asks for Spot capacity and
 * switches to on-demand itself when Spot is not granted in time (EMR's own fallback).
 */
export function runJobFlowInput(
  config: ClusterGroupConfig,
  tier: SizeTier,
  member: number,
  market: Market,
  name: string,
): RunJobFlowCommandInput {
  const spot = market === 'SPOT';
  return {
    Name: name,
    ReleaseLabel: config.launch.releaseLabel,
    Applications: config.launch.applications.map((Name) => ({ Name })),
    ServiceRole: config.launch.serviceRole,
    JobFlowRole: config.launch.jobFlowRole,
    ...(config.launch.logUri ? { LogUri: config.launch.logUri } : {}),
    VisibleToAllUsers: true,
    Instances: {
      KeepJobFlowAliveWhenNoSteps: true,
      Ec2SubnetIds: config.launch.subnetIds,
      InstanceFleets: [
        {
          Name: 'master',
          InstanceFleetType: 'MASTER',
          TargetOnDemandCapacity: 1,
          InstanceTypeConfigs: [{ InstanceType: tier.masterInstanceType }],
        },
        {
          Name: 'core',
          InstanceFleetType: 'CORE',
          ...(spot ? { TargetSpotCapacity: tier.coreCount } : { TargetOnDemandCapacity: tier.coreCount }),
          InstanceTypeConfigs: tier.coreInstanceTypes.map((InstanceType) => ({ InstanceType })),
          ...(spot
            ? {
                LaunchSpecifications: {
                  SpotSpecification: {
                    TimeoutDurationMinutes: 10,
                    TimeoutAction: 'SWITCH_TO_ON_DEMAND',
                    AllocationStrategy: 'price-capacity-optimized',
                  },
                },
              }
            : {}),
        },
      ],
    },
    Tags: [
      { Key: 'sluice:cluster-group', Value: config.groupId },
      { Key: 'sluice:pool', Value: config.poolId },
      { Key: 'sluice:member', Value: String(member) },
    ],
  };
}
