import * as aws from '@pulumi/aws';
import type { StageConfig } from '../config/stageConfig';
import { physicalName } from '../naming';
import { PROJECTION_KEYS, PROJECTION_TTL_ATTRIBUTE } from './eventStoreKeys';
import { autoscaleTable, capacityArgs } from './tableCapacity';

/**
 * Checkpoints of the views, task tokens of waiting executions and the adapters' key-value records.
 * Everything here can be rebuilt from the event store except the task tokens, so it is backed up
 * and encrypted like the store itself.
 */
export function projectionTable(config: StageConfig, keyArn: aws.kms.Key['arn']): aws.dynamodb.Table {
  const logicalName = physicalName(config.stage, 'projections');
  const { partitionKey, sortKey } = PROJECTION_KEYS;
  const table = new aws.dynamodb.Table(logicalName, {
    name: logicalName,
    hashKey: partitionKey.name,
    rangeKey: sortKey.name,
    attributes: [
      { name: partitionKey.name, type: partitionKey.type },
      { name: sortKey.name, type: sortKey.type },
    ],
    billingMode: config.billingMode,
    ...capacityArgs(config, 'projections'),
    ttl: { enabled: true, attributeName: PROJECTION_TTL_ATTRIBUTE },
    pointInTimeRecovery: { enabled: true },
    serverSideEncryption: { enabled: true, kmsKeyArn: keyArn },
    deletionProtectionEnabled: config.deletionProtection,
    tags: { ...config.tags, 'sluice:stage': config.stage },
  });
  if (config.capacity) autoscaleTable(config, logicalName, table.name, config.capacity.projections);
  return table;
}
