import { PutItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { DynamoEventStore, createEventStoreTable } from '@sluice/adapters';
import { localDynamoClient, startDynamoLocal } from '@sluice/adapters/testing';
import { eventBuilder } from '@sluice/domain/testing';
import { measure, printRates } from './measure';

/**
 * Append throughput of the DynamoDB store on DynamoDB Local, against raw PutItem and raw
 * single-item TransactWriteItems of an item of the same size on the same instance, in one run.
 * Absolute figures say little about the real service (DynamoDB Local is a single JVM); ratios do.
 */
export async function benchDynamoAppend(count: number): Promise<void> {
  const local = await startDynamoLocal();
  const client = localDynamoClient(local.endpoint);
  try {
    await createEventStoreTable(client, 'raw');
    await createEventStoreTable(client, 'events');
    const b = eventBuilder();
    const events = Array.from({ length: count }, (_, i) =>
      b.event({ type: 'PoolCapacityReported', data: { poolId: `p${i % 50}`, observed: { runs: i % 50 } } }),
    );
    const item = (i: number) => ({
      pk: { S: `pool-p${i % 50}` },
      sk: { N: String(Math.floor(i / 50) + 1) },
      eventId: { S: events[i]!.eventId },
      type: { S: events[i]!.type },
      data: { S: JSON.stringify(events[i]!.data) },
      occurredAt: { S: events[i]!.occurredAt },
    });
    const put = await measure('raw PutItem', count, async () => {
      for (let i = 0; i < count; i++)
        await client.send(new PutItemCommand({ TableName: 'raw', Item: item(i) }));
    });
    const transact = await measure('raw TransactWriteItems (1 item)', count, async () => {
      for (let i = 0; i < count; i++) {
        const raw = { ...item(i), sk: { N: String(1_000_000 + i) } };
        await client.send(
          new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: 'raw', Item: raw } }] }),
        );
      }
    });
    const store = new DynamoEventStore({ client, tableName: 'events' });
    const single = await measure('DynamoEventStore, 1 event per append', count, async () => {
      for (const e of events) {
        const { poolId } = e.data as { poolId: string };
        await store.appendToStream(`pool-${poolId}`, [e], { expectedVersion: 'any' });
      }
    });
    const more = Array.from({ length: count }, (_, i) =>
      b.event({
        type: 'PoolCapacityReported',
        data: { poolId: `q${Math.floor(i / 10) % 50}`, observed: { runs: i % 50 } },
      }),
    );
    const ten = await measure('DynamoEventStore, 10 events per append', count, async () => {
      for (let i = 0; i < more.length; i += 10) {
        const slice = more.slice(i, i + 10);
        const { poolId } = slice[0]!.data as { poolId: string };
        await store.appendToStream(`pool-${poolId}`, slice, { expectedVersion: 'any' });
      }
    });
    printRates('DynamoDB store append on DynamoDB Local', put, [transact, single, ten]);
  } finally {
    client.destroy();
    await local.stop();
  }
}
