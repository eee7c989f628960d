import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { KeyValueStore } from './keyValueStore';

/**
 * A KeyValueStore on a `(pk: S, sk: N)` table — the event-store table itself, or a table of its
 * own with the same key schema. Items are `pk = $kv#<namespace>#<key>`, `sk = 0`: stream ids must
 * start with a letter or digit and the store's own partitions use other `$` prefixes, so these
 * items never collide with events, stream heads or the feed. Attributes: `value` (S), `updatedAt`
 * (S, ISO time) and, when an expiry is given, `expiresAt` (N, epoch seconds) for a TTL setting.
 */
export class DynamoKeyValueStore implements KeyValueStore {
  constructor(
    private readonly options: {
      client: DynamoDBClient;
      tableName: string;
      namespace: string;
      now?: () => Date;
    },
  ) {}

  private key(key: string) {
    return { pk: { S: `$kv#${this.options.namespace}#${key}` }, sk: { N: '0' } };
  }

  private item(key: string, value: string, expiresAt?: Date) {
    return {
      ...this.key(key),
      value: { S: value },
      updatedAt: { S: (this.options.now?.() ?? new Date()).toISOString() },
      ...(expiresAt ? { expiresAt: { N: String(Math.floor(expiresAt.getTime() / 1000)) } } : {}),
    };
  }

  async get(key: string): Promise<string | undefined> {
    const out = await this.options.client.send(
      new GetItemCommand({ TableName: this.options.tableName, Key: this.key(key), ConsistentRead: true }),
    );
    return out.Item?.value?.S;
  }

  async put(key: string, value: string, options: { expiresAt?: Date } = {}): Promise<void> {
    await this.options.client.send(
      new PutItemCommand({
        TableName: this.options.tableName,
        Item: this.item(key, value, options.expiresAt),
      }),
    );
  }

  async putIfAbsent(key: string, value: string, options: { expiresAt?: Date } = {}): Promise<string> {
    try {
      await this.options.client.send(
        new PutItemCommand({
          TableName: this.options.tableName,
          Item: this.item(key, value, options.expiresAt),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return value;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const existing = await this.get(key);
      // Deleted between our write and read: the key is free again, so try once more.
      return existing ?? this.putIfAbsent(key, value, options);
    }
  }

  async take(key: string): Promise<string | undefined> {
    try {
      // The condition makes concurrent takes conflict, so only one of them sees the old item.
      const out = await this.options.client.send(
        new DeleteItemCommand({
          TableName: this.options.tableName,
          Key: this.key(key),
          ConditionExpression: 'attribute_exists(pk)',
          ReturnValues: 'ALL_OLD',
        }),
      );
      return out.Attributes?.value?.S;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async delete(key: string, options: { ifValue?: string } = {}): Promise<void> {
    try {
      await this.options.client.send(
        new DeleteItemCommand({
          TableName: this.options.tableName,
          Key: this.key(key),
          ...(options.ifValue !== undefined
            ? {
                ConditionExpression: '#value = :value',
                ExpressionAttributeNames: { '#value': 'value' },
                ExpressionAttributeValues: { ':value': { S: options.ifValue } },
              }
            : {}),
        }),
      );
    } catch (error) {
      // Someone else's value now: theirs to delete.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
