import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, toStoredEvent } from '@sluice/adapters';
import { allViews } from '@sluice/domain';
import { measure, printRates } from './measure';
import { lifecycleBatches } from './workload';

/**
 * Replays `events` (rounded to whole job lifecycles of six events) from the embedded store through
 * every projection, against the raw rate of reading the same rows in the same run.
 */
export async function benchReplay(events: number): Promise<void> {
  const jobs = Math.ceil(events / 6);
  const dir = mkdtempSync(join(tmpdir(), 'sluice-replay-'));
  const store = new SqliteEventStore({
    filename: join(dir, 'events.db'),
    durability: 'normal',
    maxEventsPerAppend: 10_000,
  });
  const write = await measure('write the log (validated appends, 600 events each)', jobs * 6, async () => {
    for (const appends of lifecycleBatches(jobs, 100)) await store.appendAtomically(appends);
  });
  console.log(`\nWrote ${write.count.toLocaleString('en-US')} events in ${write.seconds.toFixed(1)} s`);

  let rawRows = 0;
  const raw = await measure('raw row read (SELECT, no decoding)', write.count, () => {
    for (const _row of store.iterateRows()) rawRows += 1;
  });
  let decoded = 0;
  const decode = await measure('read + decode (JSON, upcast)', write.count, () => {
    for (const row of store.iterateRows()) if (toStoredEvent(row).version > 0) decoded += 1;
  });
  const views = allViews();
  let state = views.initialState();
  const project = await measure('read + decode + all projections (readAll pages)', write.count, async () => {
    let after = 0;
    for (;;) {
      const page = await store.readAll({ after, limit: 5000 });
      for (const event of page.events) state = views.evolve(state, event);
      after = page.lastPosition;
      if (page.isEnd) break;
    }
  });
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  if (rawRows !== write.count || decoded !== write.count)
    throw new Error(`read ${rawRows}/${decoded} of ${write.count} rows`);
  printRates('Replay from the embedded store', raw, [decode, project]);
  console.log(`jobs in the job view: ${Object.keys(state.jobs.jobs).length.toLocaleString('en-US')}`);
}
