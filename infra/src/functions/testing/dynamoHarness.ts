import type {} from '@sluice/adapters/testing/dynamoLocalSetup';
import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  DescribeTableCommand,
  waitUntilTableExists,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoEventStore } from '@sluice/adapters';
import { eventStoreTableDefinition, createProjectionTable } from '@sluice/adapters';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { LOCAL_CREDENTIALS, LOCAL_REGION, localDynamoClient } from '@sluice/adapters/testing';
import { createCloudRuntime, type CloudRuntime } from '../runtime/cloudRuntime';

export interface DynamoTables {
  client: DynamoDBClient;
  eventStoreTable: string;
  projectionTable: string;
  streamArn: string;
  runtime: CloudRuntime;
  store: DynamoEventStore;
  /** Every stream record written since the last call, in the shape Lambda hands to a handler. */
  nextStreamBatch(): Promise<DynamoDBStreamEvent>;
  close(): void;
}

/** Fresh tables on DynamoDB Local: an event store whose stream is on (NEW_IMAGE), and a projection table. */
export async function createDynamoTables(endpoint: string): Promise<DynamoTables> {
  const client = localDynamoClient(endpoint);
  const suffix = randomUUID().slice(0, 8);
  const eventStoreTable = `events-${suffix}`;
  const projectionTable = `views-${suffix}`;
  await client.send(
    new CreateTableCommand({
      ...eventStoreTableDefinition(eventStoreTable),
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    }),
  );
  await waitUntilTableExists(
    { client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 },
    { TableName: eventStoreTable },
  );
  await createProjectionTable(client, projectionTable);
  const streamArn = (await client.send(new DescribeTableCommand({ TableName: eventStoreTable }))).Table!
    .LatestStreamArn!;
  const streams = new DynamoDBStreamsClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const runtime = createCloudRuntime(
    { eventStoreTable, projectionTable, logLevel: 'silent', instanceId: 'test-scheduler' },
    client,
  );
  const iterators = new Map<string, string>();

  return {
    client,
    eventStoreTable,
    projectionTable,
    streamArn,
    runtime,
    store: runtime.store as DynamoEventStore,
    async nextStreamBatch() {
      const records: _Record[] = [];
      const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
      for (const shard of StreamDescription?.Shards ?? []) {
        let iterator =
          iterators.get(shard.ShardId!) ??
          (
            await streams.send(
              new GetShardIteratorCommand({
                StreamArn: streamArn,
                ShardId: shard.ShardId!,
                ShardIteratorType: 'TRIM_HORIZON',
              }),
            )
          ).ShardIterator;
        while (iterator) {
          const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
          records.push(...(page.Records ?? []));
          iterator = page.NextShardIterator;
          if (iterator) iterators.set(shard.ShardId!, iterator);
          if ((page.Records ?? []).length === 0) break;
        }
      }
      return { Records: records.map((record) => toLambdaRecord(record, streamArn)) };
    },
    close() {
      streams.destroy();
      client.destroy();
    },
  };
}

/** What Lambda's event source mapping passes on: the same record, with times in epoch seconds. */
function toLambdaRecord(record: _Record, streamArn: string): DynamoDBRecord {
  const { ApproximateCreationDateTime, ...dynamodb } = record.dynamodb ?? {};
  return {
    eventID: record.eventID!,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion!,
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion!,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(dynamodb as DynamoDBRecord['dynamodb']),
      ...(ApproximateCreationDateTime
        ? { ApproximateCreationDateTime: Math.floor(ApproximateCreationDateTime.getTime() / 1000) }
        : {}),
    },
  };
}
