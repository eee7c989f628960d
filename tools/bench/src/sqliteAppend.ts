import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@sluice/adapters';
import { eventBuilder } from '@sluice/domain/testing';
import { measure, printRates } from './measure';

/**
 * Append throughput of the embedded store against a raw INSERT of the same rows into a table of
 * the same shape, with the same durability, in the same run.
 */
export async function benchSqliteAppend(count: number, durability: 'full' | 'normal'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-'));
  const b = eventBuilder();
  const single = Array.from({ length: count }, (_, i) =>
    b.event({ type: 'PoolCapacityReported', data: { poolId: `p${i % 50}`, observed: { runs: i % 50 } } }),
  );
  const batched = Array.from({ length: count }, (_, i) =>
    b.event({
      type: 'PoolCapacityReported',
      data: { poolId: `q${Math.floor(i / 10) % 50}`, observed: { runs: i % 50 } },
    }),
  );

  const raw = new Database(join(dir, 'raw.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
  raw.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT UNIQUE, stream_id TEXT,
    version INTEGER, type TEXT, schema_version INTEGER, data TEXT, occurred_at TEXT, recorded_at TEXT,
    correlation_id TEXT, causation_id TEXT, actor TEXT, UNIQUE (stream_id, version))`);
  const insert = raw.prepare('INSERT INTO events VALUES (NULL, ?, ?, ?, ?, 1, ?, ?, ?, ?, NULL, ?)');
  const insertOne = raw.transaction((e: (typeof single)[number], i: number) =>
    insert.run(
      e.eventId,
      `pool-p${i % 50}`,
      Math.floor(i / 50) + 1,
      e.type,
      JSON.stringify(e.data),
      e.occurredAt,
      e.occurredAt,
      e.eventId,
      e.actor,
    ),
  );
  const baseline = await measure('raw INSERT, 1 row per transaction', count, () =>
    single.forEach((e, i) => insertOne(e, i)),
  );
  raw.close();

  const store = new SqliteEventStore({ filename: join(dir, 'store.db'), durability });
  const one = await measure('SqliteEventStore, 1 event per append', count, async () => {
    for (const e of single) {
      const data = e.data as { poolId: string };
      await store.appendToStream(`pool-${data.poolId}`, [e], { expectedVersion: 'any' });
    }
  });
  const ten = await measure('SqliteEventStore, 10 events per append', count, async () => {
    for (let i = 0; i < batched.length; i += 10) {
      const slice = batched.slice(i, i + 10);
      const { poolId } = slice[0]!.data as { poolId: string };
      await store.appendToStream(`pool-${poolId}`, slice, { expectedVersion: 'any' });
    }
  });
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  printRates(`Embedded store append (synchronous=${durability.toUpperCase()})`, baseline, [one, ten]);
}
