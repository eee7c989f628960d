// Appends forever to a store file, printing each acknowledged append; the crash test kills it.
import { eventBuilder } from '@sluice/domain/testing';
import { writeSync } from 'node:fs';
import { SqliteEventStore } from '../stores/sqlite/sqliteEventStore';

const [file, workerId] = process.argv.slice(2);
const store = new SqliteEventStore({ filename: file! });
const b = eventBuilder({ epochMs: Date.UTC(2026, 0, 1) + Number(workerId) * 1_000_000_000 });

for (let i = 0; ; i++) {
  const streamId = `pool-w${workerId}-${i % 5}`;
  const events = Array.from({ length: 1 + (i % 4) }, () =>
    b.event({ type: 'PoolCapacityReported', data: { poolId: streamId.slice(5), observed: { runs: i } } }),
  );
  await store.appendToStream(streamId, events, { expectedVersion: 'any' });
  // Synchronous write: the line is out before the next append starts, so "printed" means "acknowledged".
  writeSync(1, `${events.map((e) => e.eventId).join(',')}\n`);
}
