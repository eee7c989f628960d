import { randomBytes, randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { CheckpointTooLargeError, fromChunks, toChunks } from './checkpointChunks';
import { createProjectionTable, DynamoCheckpointStore } from './dynamoCheckpointStore';
import { localDynamoClient } from '../../testing/dynamoLocal';

interface ProjectionTable {
  client: DynamoDBClient;
  projectionTable: string;
  close(): void;
}

/** A fresh projection table on the run's DynamoDB Local. */
async function createTables(endpoint: string): Promise<ProjectionTable> {
  const client = localDynamoClient(endpoint);
  const projectionTable = `views-${randomUUID().slice(0, 8)}`;
  await createProjectionTable(client, projectionTable);
  return { client, projectionTable, close: () => client.destroy() };
}

let tables: ProjectionTable;
afterEach(() => tables?.close());

const bulky = (seed: string, kilobytes: number) => ({
  seed,
  blob: randomBytes(kilobytes * 1024).toString('base64'),
});

describe('DynamoCheckpointStore', () => {
  it('saves gzip-ed state in chunks and loads it back whole', async () => {
    tables = await createTables(inject('dynamoEndpoint'));
    const store = new DynamoCheckpointStore({
      client: tables.client,
      tableName: tables.projectionTable,
      chunkBytes: 16 * 1024,
    });
    expect(await store.load('views')).toBeUndefined();
    const state = bulky('a', 48);
    await store.save('views', { position: 42, state });
    const head = await DynamoDBDocumentClient.from(tables.client).send(
      new GetCommand({ TableName: tables.projectionTable, Key: { pk: 'checkpoint#views', sk: 0 } }),
    );
    expect(head.Item?.chunks).toBeGreaterThan(3);
    expect(await store.load('views')).toEqual({ position: 42, state });
  });

  it('only ever moves the saved position forward', async () => {
    tables = await createTables(inject('dynamoEndpoint'));
    const store = new DynamoCheckpointStore({
      client: tables.client,
      tableName: tables.projectionTable,
      chunkBytes: 8 * 1024,
    });
    await store.save('views', { position: 10, state: bulky('ten', 30) });
    const ten = await store.load('views');
    await store.save('views', { position: 5, state: bulky('five', 4) });
    await store.save('views', { position: 10, state: bulky('ten again', 4) });
    expect(await store.load('views')).toEqual(ten);
    // Fewer chunks than before: the head says how many belong to the state.
    const later = { seed: 'eleven', small: true };
    await store.save('views', { position: 11, state: later });
    expect(await store.load('views')).toEqual({ position: 11, state: later });
  });

  it('keeps checkpoints of different projections apart', async () => {
    tables = await createTables(inject('dynamoEndpoint'));
    const store = new DynamoCheckpointStore({ client: tables.client, tableName: tables.projectionTable });
    await store.save('a', { position: 1, state: { name: 'a' } });
    await store.save('b', { position: 7, state: { name: 'b' } });
    expect(await store.load('a')).toEqual({ position: 1, state: { name: 'a' } });
    expect(await store.load('b')).toEqual({ position: 7, state: { name: 'b' } });
  });
});

describe('checkpoint chunks', () => {
  it('cut the packed state at the chunk size and put it back together', () => {
    const state = bulky('x', 100);
    const chunks = toChunks('v', state, 10_000);
    expect(chunks.every((c) => c.byteLength <= 10_000)).toBe(true);
    expect(fromChunks(chunks)).toEqual(state);
  });

  it('refuse a state that one transaction cannot carry', () => {
    expect(() => toChunks('v', bulky('huge', 4300))).toThrow(CheckpointTooLargeError);
  });
});
