import * as aws from '@pulumi/aws';
import type { StageConfig } from '../config/stageConfig';
import { physicalName } from '../naming';
import { EVENT_STORE_KEYS } from './eventStoreKeys';
import { autoscaleTable, capacityArgs } from './tableCapacity';

/**
 * The single event-store table. Its stream carries new images only: the projector and scheduler
 * read events from the store's feed and use records just to learn how far to catch up.
 */
export function eventStoreTable(config: StageConfig, keyArn: aws.kms.Key['arn']): aws.dynamodb.Table {
  const logicalName = physicalName(config.stage, 'events');
  const { partitionKey, sortKey } = EVENT_STORE_KEYS;
  const table = new aws.dynamodb.Table(
    logicalName,
    {
      name: logicalName,
      hashKey: partitionKey.name,
      rangeKey: sortKey.name,
      attributes: [
        { name: partitionKey.name, type: partitionKey.type },
        { name: sortKey.name, type: sortKey.type },
      ],
      billingMode: config.billingMode,
      ...capacityArgs(config, 'eventStore'),
      streamEnabled: true,
      streamViewType: 'NEW_IMAGE',
      pointInTimeRecovery: { enabled: true },
      serverSideEncryption: { enabled: true, kmsKeyArn: keyArn },
      deletionProtectionEnabled: config.deletionProtection,
      tags: { ...config.tags, 'sluice:stage': config.stage },
    },
    // The log is the system of record: a protected stage also refuses to drop it from Pulumi's side.
    { protect: config.deletionProtection },
  );
  if (config.capacity) autoscaleTable(config, logicalName, table.name, config.capacity.eventStore);
  return table;
}
