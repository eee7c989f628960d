import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoEventStore, DynamoCheckpointStore } from '@sluice/adapters';
import type { EventStore } from '@sluice/domain';
import type { CheckpointStore } from '@sluice/scheduler';
import { newUlidFactory, type Logger } from '@sluice/api';
import type { CloudConfig } from './cloudConfig';
import { lambdaLogger } from './lambdaLogger';

/** What the Lambda handlers share: the stores on DynamoDB, a logger, time and ids. */
export interface CloudRuntime {
  store: EventStore;
  checkpoints: CheckpointStore;
  logger: Logger;
  clock: () => Date;
  newId: () => string;
  instanceId: string;
}

export function createCloudRuntime(config: CloudConfig, client?: DynamoDBClient): CloudRuntime {
  const dynamo =
    client ??
    new DynamoDBClient({
      ...(config.region ? { region: config.region } : {}),
      ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint } : {}),
    });
  return {
    store: new DynamoEventStore({ client: dynamo, tableName: config.eventStoreTable }),
    checkpoints: new DynamoCheckpointStore({ client: dynamo, tableName: config.projectionTable }),
    logger: lambdaLogger(config.logLevel),
    clock: () => new Date(),
    newId: newUlidFactory(),
    instanceId: config.instanceId,
  };
}
