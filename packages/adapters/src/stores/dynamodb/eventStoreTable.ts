import {
  CreateTableCommand,
  waitUntilTableExists,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';

/**
 * Key layout of the single event-store table. Stream ids must start with a letter or digit, so the
 * `$`-prefixed partitions below can never collide with a stream.
 */
export const PARTITION_KEY = 'pk';
export const SORT_KEY = 'sk';

/** Sort key of a stream's head item and of the other one-item partitions. */
export const HEAD_SORT_KEY = 0;

/** The item that holds the last assigned global position; every append updates it. */
export const GLOBAL_COUNTER_PK = '$global';

/**
 * Positions per feed partition. Bounded partitions keep one partition's item collection well
 * below DynamoDB's per-partition throughput, and a reader needs at most two queries per page.
 */
export const FEED_BUCKET_SIZE = 100_000;

export const feedBucketOf = (position: number): number => Math.floor(position / FEED_BUCKET_SIZE);
export const feedPartitionKey = (bucket: number): string => `$all#${bucket}`;
export const eventGuardKey = (eventId: string): string => `$event#${eventId}`;

/** The CreateTable request for an event-store table; infra declares the same keys. */
export function eventStoreTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    AttributeDefinitions: [
      { AttributeName: PARTITION_KEY, AttributeType: 'S' },
      { AttributeName: SORT_KEY, AttributeType: 'N' },
    ],
    KeySchema: [
      { AttributeName: PARTITION_KEY, KeyType: 'HASH' },
      { AttributeName: SORT_KEY, KeyType: 'RANGE' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
  };
}

/** Creates the table and waits until it is ACTIVE. */
export async function createEventStoreTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new CreateTableCommand(eventStoreTableDefinition(tableName)));
  await waitUntilTableExists(
    { client, maxWaitTime: 120, minDelay: 1, maxDelay: 5 },
    { TableName: tableName },
  );
}
