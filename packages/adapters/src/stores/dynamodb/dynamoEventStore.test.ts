import { randomUUID } from 'node:crypto';
import {
  DeleteTableCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  DeleteItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  IdempotencyConflictError,
  InvalidAppendError,
  type AppendResult,
  type NewEvent,
} from '@sluice/domain';
import { eventBuilder, type EventBuilder } from '@sluice/domain/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { localDynamoClient } from '../../testing/dynamoLocal';
import { eventStoreContract, readEverything } from '@sluice/domain/testing/eventStoreContract';
import { DynamoEventStore } from './dynamoEventStore';
import { createEventStoreTable } from './eventStoreTable';

const endpoint = inject('dynamoEndpoint');
let client: DynamoDBClient;
beforeAll(() => {
  client = localDynamoClient(endpoint);
});
afterAll(() => client.destroy());

async function freshTable(): Promise<{ tableName: string; drop: () => Promise<void> }> {
  const tableName = `events-${randomUUID()}`;
  await createEventStoreTable(client, tableName);
  return {
    tableName,
    drop: async () => void (await client.send(new DeleteTableCommand({ TableName: tableName }))),
  };
}

eventStoreContract('DynamoEventStore (DynamoDB Local)', async () => {
  const table = await freshTable();
  const store = new DynamoEventStore({ client, tableName: table.tableName });
  return {
    store,
    dispose: async () => {
      await store.close();
      await table.drop();
    },
  };
});

describe('DynamoEventStore on DynamoDB', () => {
  let tableName: string;
  let drop: () => Promise<void>;
  let store: DynamoEventStore;
  let b: EventBuilder;

  beforeEach(async () => {
    ({ tableName, drop } = await freshTable());
    store = new DynamoEventStore({ client, tableName });
    b = eventBuilder();
  });
  afterEach(async () => {
    await store.close();
    await drop();
  });

  const capacityReports = (poolId: string, n: number): NewEvent[] =>
    Array.from({ length: n }, (_, i) =>
      b.event({ type: 'PoolCapacityReported', data: { poolId, observed: { runs: i } } }),
    );
  const bigSubmission = (jobId: string, bytes: number) =>
    b.jobSubmitted(jobId, { spec: { blob: 'x'.repeat(bytes) } });
  const tableItemCount = async () =>
    (await client.send(new ScanCommand({ TableName: tableName, Select: 'COUNT' }))).Count;

  it('gives concurrent appenders to different streams positions 1..n in commit order, and readers never see a gap', async () => {
    const appenders = 8;
    const appendsEach = 10;
    // A logical clock of sends and acknowledgements: an append acknowledged before another was
    // sent committed first, so it must hold the lower positions.
    let tick = 0;
    const log: { sentAt: number; ackedAt: number; result: AppendResult }[] = [];
    let writing = true;
    const seenByReader: number[] = [];
    const reader = (async () => {
      let after = 0;
      while (writing || after < appenders * appendsEach) {
        const page = await store.readAll({ after, limit: 7 });
        seenByReader.push(...page.events.map((e) => e.position));
        after = page.lastPosition;
      }
    })();

    await Promise.all(
      Array.from({ length: appenders }, async (_, w) => {
        for (let i = 0; i < appendsEach; i++) {
          const sentAt = ++tick;
          const result = await store.appendToStream(`pool-w${w}`, capacityReports(`w${w}`, 1), {
            expectedVersion: i,
          });
          log.push({ sentAt, ackedAt: ++tick, result });
        }
      }),
    );
    writing = false;
    await reader;

    const feed = await readEverything(store, 13);
    const total = appenders * appendsEach;
    expect(feed.map((e) => e.position)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(seenByReader).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    for (const e of feed) {
      const appended = log.find(
        (l) => l.result.streamId === e.streamId && l.result.versions[0] === e.version,
      );
      expect(appended?.result.positions).toEqual([e.position]);
    }
    for (const earlier of log) {
      for (const later of log) {
        if (earlier.ackedAt < later.sentAt)
          expect(earlier.result.positions[0]).toBeLessThan(later.result.positions[0]!);
      }
    }
  });

  it('lets unguarded appenders to one stream all succeed, each version once', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, async (_, w) => {
        const mine: number[] = [];
        for (let i = 0; i < 5; i++) {
          const r = await store.appendToStream(
            'pool-p',
            [b.event({ type: 'PoolCapacityReported', data: { poolId: 'p', observed: { runs: w } } })],
            {
              expectedVersion: 'any',
            },
          );
          mine.push(...r.versions);
        }
        return mine;
      }),
    );
    expect(results.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect((await store.readStream('pool-p')).currentVersion).toBe(30);
  });

  it('refuses an append over the transaction item limit before writing anything', async () => {
    await expect(
      store.appendToStream('pool-p', capacityReports('p', 33), { expectedVersion: 'noStream' }),
    ).rejects.toBeInstanceOf(InvalidAppendError);
    // 32 events over four streams need 1 + 4 + 96 = 101 items.
    const fourStreams = ['a', 'b', 'c', 'd'].map((p) => ({
      streamId: `pool-${p}`,
      expectedVersion: 0,
      events: capacityReports(p, 8),
    }));
    await expect(store.appendAtomically(fourStreams)).rejects.toMatchObject({
      code: 'InvalidAppend',
      field: 'events',
    });
    expect(await tableItemCount()).toBe(0);

    // Exactly 100 items: the largest atomic append DynamoDB takes.
    const threeStreams = [10, 11, 11].map((n, i) => ({
      streamId: `pool-s${i}`,
      expectedVersion: 0,
      events: capacityReports(`s${i}`, n),
    }));
    const results = await store.appendAtomically(threeStreams);
    expect(results.flatMap((r) => r.positions)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(await tableItemCount()).toBe(1 + 3 + 32 * 3);
  });

  it('refuses events too large for a DynamoDB item or transaction, naming the event, before writing anything', async () => {
    const fits = await store.appendToStream('job-fits', [bigSubmission('fits', 390_000)], {
      expectedVersion: 'noStream',
    });
    expect(fits.versions).toEqual([1]);
    const [read] = (await store.readStream('job-fits')).events;
    expect(read?.type === 'JobSubmitted' && read.data.spec.blob).toHaveLength(390_000);

    await expect(
      store.appendToStream('job-huge', [bigSubmission('huge', 10), bigSubmission('huge', 410_000)], {
        expectedVersion: 'noStream',
      }),
    ).rejects.toMatchObject({ code: 'InvalidAppend', field: 'appends.0.events.1' });
    const sixLarge = Array.from({ length: 6 }, () => bigSubmission('large', 350_000));
    await expect(
      store.appendToStream('job-large', sixLarge, { expectedVersion: 'noStream' }),
    ).rejects.toMatchObject({
      code: 'InvalidAppend',
      field: 'events',
    });
    expect(await readEverything(store)).toHaveLength(1);
  });

  it('answers a publish retried after a lost response as a duplicate with the original positions', async () => {
    const lossy = localDynamoClient(endpoint);
    let dropNextCommitResponse = true;
    lossy.middlewareStack.add(
      (next, context) => async (args) => {
        const output = await next(args);
        if (context.commandName?.startsWith('TransactWrite') && dropNextCommitResponse) {
          dropNextCommitResponse = false;
          throw new Error('socket hang up');
        }
        return output;
      },
      { step: 'initialize', name: 'dropCommitResponse' },
    );
    const publisher = new DynamoEventStore({ client: lossy, tableName });
    try {
      await store.appendToStream('pool-p', capacityReports('p', 1), { expectedVersion: 'noStream' });
      const events = capacityReports('p', 2);
      await expect(publisher.appendToStream('pool-p', events, { expectedVersion: 1 })).rejects.toThrow(
        'socket hang up',
      );

      const retried = await publisher.appendToStream('pool-p', events, { expectedVersion: 1 });
      expect(retried).toEqual({
        streamId: 'pool-p',
        nextExpectedVersion: 3,
        versions: [2, 3],
        positions: [2, 3],
        duplicate: true,
      });
      expect((await store.readStream('pool-p')).events.map((e) => e.eventId)).toEqual([
        expect.any(String),
        events[0]!.eventId,
        events[1]!.eventId,
      ]);
      expect(await readEverything(store)).toHaveLength(3);
    } finally {
      lossy.destroy();
    }
  });

  describe('when another writer records the same events between the check and the commit', () => {
    /** A store whose next commit is preceded by `race`, run through a separate client. */
    function racedStore(race: () => Promise<unknown>) {
      const racedClient = localDynamoClient(endpoint);
      let raced = false;
      racedClient.middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName?.startsWith('TransactWrite') && !raced) {
            raced = true;
            await race();
          }
          return next(args);
        },
        { step: 'initialize', name: 'raceBeforeCommit' },
      );
      return {
        raced: new DynamoEventStore({ client: racedClient, tableName }),
        destroy: () => racedClient.destroy(),
      };
    }

    it('reports the winner’s positions as a duplicate', async () => {
      const events = capacityReports('p', 2);
      let winner: AppendResult | undefined;
      const { raced, destroy } = racedStore(async () => {
        winner = await store.appendToStream('pool-p', events, { expectedVersion: 'noStream' });
      });
      try {
        const result = await raced.appendToStream('pool-p', events, { expectedVersion: 'noStream' });
        expect(winner).toMatchObject({ versions: [1, 2], duplicate: false });
        expect(result).toEqual({ ...winner, duplicate: true });
        expect(await readEverything(store)).toHaveLength(2);
      } finally {
        destroy();
      }
    });

    it('refuses the request when the winner recorded only part of it', async () => {
      const events = capacityReports('p', 2);
      const { raced, destroy } = racedStore(() =>
        store.appendToStream('pool-p', events.slice(0, 1), { expectedVersion: 'any' }),
      );
      try {
        await expect(
          raced.appendToStream('pool-p', events, { expectedVersion: 'any' }),
        ).rejects.toBeInstanceOf(IdempotencyConflictError);
        expect(await readEverything(store)).toHaveLength(1);
      } finally {
        destroy();
      }
    });
  });

  it('reads the feed across its partitions', async () => {
    // Start the counter just below a partition boundary rather than write 100,000 events.
    await client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: { pk: { S: '$global' }, sk: { N: '0' }, head: { N: '99990' } },
      }),
    );
    const written = await store.appendToStream('pool-p', capacityReports('p', 20), {
      expectedVersion: 'noStream',
    });
    expect(written.positions).toEqual(Array.from({ length: 20 }, (_, i) => 99_991 + i));

    const first = await store.readAll({ after: 99_990, limit: 15 });
    expect(first.events.map((e) => e.position)).toEqual(Array.from({ length: 15 }, (_, i) => 99_991 + i));
    expect(first.isEnd).toBe(false);
    const second = await store.readAll({ after: first.lastPosition, limit: 15 });
    expect(second.events.map((e) => e.version)).toEqual([16, 17, 18, 19, 20]);
    expect(second).toMatchObject({ lastPosition: 100_010, isEnd: true });

    const inPartition = async (pk: string) =>
      (
        await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': { S: pk } },
            Select: 'COUNT',
          }),
        )
      ).Count;
    expect([await inPartition('$all#0'), await inPartition('$all#1')]).toEqual([9, 11]);
  });

  it('stops a feed page before a position that is not visible yet, so no reader skips past it', async () => {
    await store.appendToStream('pool-p', capacityReports('p', 5), { expectedVersion: 'noStream' });
    await client.send(
      new DeleteItemCommand({ TableName: tableName, Key: { pk: { S: '$all#0' }, sk: { N: '3' } } }),
    );
    expect(await store.readAll({ after: 0 })).toMatchObject({ lastPosition: 2, isEnd: false });
    expect((await store.readAll({ after: 0 })).events.map((e) => e.position)).toEqual([1, 2]);
  });

  it('stamps recordedAt from the injected clock', async () => {
    const clocked = new DynamoEventStore({
      client,
      tableName,
      now: () => new Date('2030-05-06T07:08:09.000Z'),
    });
    await clocked.appendToStream('pool-p', capacityReports('p', 1), { expectedVersion: 'noStream' });
    const [event] = (await store.readStream('pool-p')).events;
    expect(event?.recordedAt).toBe('2030-05-06T07:08:09.000Z');
  });

  it('refuses to work once closed', async () => {
    await store.close();
    await expect(store.readAll()).rejects.toThrow('closed');
  });
});
