import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TaskTokenStore } from '@sluice/scheduler';
import { DynamoKeyValueStore } from '../../stores/dynamodb/keyValue/dynamoKeyValueStore';

/** Task tokens live at most a year, as long as the longest Standard workflow waits. */
const TOKEN_LIFETIME_MS = 366 * 24 * 3_600_000;

/**
 * The task token of each job whose Step Functions execution waits on Sluice, in DynamoDB: on the
 * event-store table or on a table of its own with the same `(pk: S, sk: N)` key schema. Items are
 * `pk = $kv#taskToken#<jobId>`, `sk = 0`, the token in `value`, `updatedAt`, and `expiresAt`
 * (epoch seconds) for the table's TTL so abandoned tokens clean themselves up. `take` is one
 * DeleteItem returning the old item, so of two notifiers racing, only one gets the token.
 */
export class DynamoTaskTokenStore implements TaskTokenStore {
  private readonly kv: DynamoKeyValueStore;

  constructor(private readonly options: { client: DynamoDBClient; tableName: string; now?: () => Date }) {
    this.kv = new DynamoKeyValueStore({ ...options, namespace: 'taskToken' });
  }

  put(jobId: string, token: string): Promise<void> {
    // A newer wait of the job (its next attempt) replaces the older token.
    const now = this.options.now?.() ?? new Date();
    return this.kv.put(jobId, token, { expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS) });
  }

  take(jobId: string): Promise<string | undefined> {
    return this.kv.take(jobId);
  }

  peek(jobId: string): Promise<string | undefined> {
    return this.kv.get(jobId);
  }
}
