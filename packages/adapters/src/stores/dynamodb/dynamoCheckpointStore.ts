import {
  CreateTableCommand,
  waitUntilTableExists,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  TransactGetCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { CheckpointStore, ProjectionCheckpoint } from '@sluice/scheduler';
import { CHUNK_BYTES, fromChunks, toChunks } from './checkpointChunks';

export interface DynamoCheckpointStoreOptions {
  /** Owned by the caller, like the event store's. */
  client: DynamoDBClient;
  tableName: string;
  chunkBytes?: number;
}

const HEAD = 0;
const READ_ATTEMPTS = 5;
const partitionOf = (name: string) => `checkpoint#${name}`;

/**
 * Projection checkpoints in a DynamoDB table keyed (pk, sk): a head item (sk 0) with the position
 * and the chunk count, and the gzip'ed state in chunk items (sk 1..n). One TransactWriteItems
 * writes them all, conditioned on the head's position being behind the new one, so a slower
 * projector never moves a checkpoint back and a reader never sees half a write. Chunks carry the
 * position they belong to, and a read that finds them out of step with the head reads again.
 */
export class DynamoCheckpointStore implements CheckpointStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(private readonly options: DynamoCheckpointStoreOptions) {
    this.doc = DynamoDBDocumentClient.from(options.client);
  }

  async load<S>(name: string): Promise<ProjectionCheckpoint<S> | undefined> {
    const pk = partitionOf(name);
    for (let attempt = 1; ; attempt++) {
      const head = (
        await this.doc.send(
          new GetCommand({ TableName: this.options.tableName, Key: { pk, sk: HEAD }, ConsistentRead: true }),
        )
      ).Item;
      if (!head) return undefined;
      const position = Number(head.position);
      const count = Number(head.chunks);
      const keys = [{ pk, sk: HEAD }, ...Array.from({ length: count }, (_, i) => ({ pk, sk: i + 1 }))];
      const { Responses = [] } = await this.doc.send(
        new TransactGetCommand({
          TransactItems: keys.map((Key) => ({ Get: { TableName: this.options.tableName, Key } })),
        }),
      );
      const items = Responses.map((r) => r.Item);
      if (items.every((item) => item !== undefined && Number(item.position) === position)) {
        return { position, state: fromChunks<S>(items.slice(1).map((item) => item!.data as Uint8Array)) };
      }
      if (attempt >= READ_ATTEMPTS)
        throw new Error(`checkpoint ${name}: chunks kept changing under ${READ_ATTEMPTS} reads`);
    }
  }

  async save<S>(name: string, checkpoint: ProjectionCheckpoint<S>): Promise<void> {
    const pk = partitionOf(name);
    const chunks = toChunks(name, checkpoint.state, this.options.chunkBytes ?? CHUNK_BYTES);
    const TableName = this.options.tableName;
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName,
                Item: {
                  pk,
                  sk: HEAD,
                  position: checkpoint.position,
                  chunks: chunks.length,
                  bytes: chunks.reduce((n, c) => n + c.byteLength, 0),
                },
                ConditionExpression: 'attribute_not_exists(pk) OR #position < :position',
                ExpressionAttributeNames: { '#position': 'position' },
                ExpressionAttributeValues: { ':position': checkpoint.position },
              },
            },
            ...chunks.map((data, i) => ({
              Put: { TableName, Item: { pk, sk: i + 1, position: checkpoint.position, data } },
            })),
          ],
        }),
      );
    } catch (error) {
      if (isHeadConditionFailure(error)) return;
      throw error;
    }
  }
}

/** The only refusal that is not an error: a checkpoint at or ahead of this one is saved already. */
function isHeadConditionFailure(error: unknown): boolean {
  const reasons = (error as { name?: string; CancellationReasons?: { Code?: string }[] })
    ?.CancellationReasons;
  return (
    (error as Error)?.name === 'TransactionCanceledException' &&
    reasons?.[0]?.Code === 'ConditionalCheckFailed'
  );
}

/** The projection table's keys; infra declares the same. */
export function projectionTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'N' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
  };
}

export async function createProjectionTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new CreateTableCommand(projectionTableDefinition(tableName)));
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: tableName });
}
