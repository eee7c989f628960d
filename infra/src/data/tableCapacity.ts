import * as aws from '@pulumi/aws';
import type { StageConfig } from '../config/stageConfig';

type Capacity = NonNullable<StageConfig['capacity']>['eventStore'];

/** Provisioned capacity for a table, or nothing on on-demand billing. */
export function capacityArgs(
  config: StageConfig,
  which: 'eventStore' | 'projections',
): { readCapacity?: number; writeCapacity?: number } {
  if (config.billingMode !== 'PROVISIONED' || !config.capacity) return {};
  const capacity = config.capacity[which];
  return { readCapacity: capacity.read, writeCapacity: capacity.write };
}

/**
 * Target tracking at 70 % between the provisioned base and the configured maxima. The base stays
 * the floor, so a quiet night does not leave the morning's burst throttled while scaling catches up.
 */
export function autoscaleTable(
  config: StageConfig,
  logicalName: string,
  tableName: aws.dynamodb.Table['name'],
  capacity: Capacity,
): void {
  if (config.billingMode !== 'PROVISIONED') return;
  const dimensions = [
    { kind: 'Read', base: capacity.read, max: capacity.maxRead, metric: 'DynamoDBReadCapacityUtilization' },
    {
      kind: 'Write',
      base: capacity.write,
      max: capacity.maxWrite,
      metric: 'DynamoDBWriteCapacityUtilization',
    },
  ] as const;
  for (const { kind, base, max, metric } of dimensions) {
    if (max === undefined || max <= base) continue;
    const target = new aws.appautoscaling.Target(`${logicalName}-${kind.toLowerCase()}-target`, {
      serviceNamespace: 'dynamodb',
      resourceId: tableName.apply((name) => `table/${name}`),
      scalableDimension: `dynamodb:table:${kind}CapacityUnits`,
      minCapacity: base,
      maxCapacity: max,
      tags: config.tags,
    });
    new aws.appautoscaling.Policy(`${logicalName}-${kind.toLowerCase()}-policy`, {
      policyType: 'TargetTrackingScaling',
      serviceNamespace: target.serviceNamespace,
      resourceId: target.resourceId,
      scalableDimension: target.scalableDimension,
      targetTrackingScalingPolicyConfiguration: {
        targetValue: 70,
        predefinedMetricSpecification: { predefinedMetricType: metric },
      },
    });
  }
}
