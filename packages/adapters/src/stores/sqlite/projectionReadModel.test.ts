import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqliteEventStore';
import { rebuild, replayAsOf, type StoredEvent } from '@sluice/domain';
import { eventBuilder } from '@sluice/domain/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryCheckpointStore, apiViews, ProjectionReadModel } from '@sluice/scheduler';

let dir: string;
let store: SqliteEventStore;
let nowMs: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sluice-read-model-'));
  nowMs = Date.parse('2026-03-02T09:00:00Z');
  store = new SqliteEventStore({
    filename: join(dir, 'events.db'),
    durability: 'normal',
    now: () => new Date((nowMs += 1000)),
  });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function everything(): Promise<StoredEvent[]> {
  return (await store.readAll({ limit: 100_000 })).events;
}

describe('ProjectionReadModel', () => {
  it('never applies an event twice when many readers and writers overlap', async () => {
    const b = eventBuilder();
    const readModel = await ProjectionReadModel.start(store, { pageSize: 3 });
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      work.push(
        store.appendToStream(`job-j${i}`, [b.jobSubmitted(`j${i}`)], { expectedVersion: 'noStream' }),
      );
      work.push(readModel.current());
    }
    await Promise.all(work);
    const views = await readModel.current();
    expect(JSON.parse(JSON.stringify(views))).toEqual(
      JSON.parse(JSON.stringify(rebuild(apiViews(), await everything()))),
    );
    expect(Object.keys(views.queue.pending)).toHaveLength(40);
  });

  it('lets a caller read its own write', async () => {
    const b = eventBuilder();
    const readModel = await ProjectionReadModel.start(store);
    for (let i = 0; i < 5; i++) {
      await store.appendToStream(`job-w${i}`, [b.jobSubmitted(`w${i}`)], { expectedVersion: 'noStream' });
      expect((await readModel.current()).jobs.jobs[`w${i}`]).toBeDefined();
    }
  });

  it('replays page by page to the same views as a replay of the whole log', async () => {
    const b = eventBuilder();
    for (let i = 0; i < 12; i++)
      await store.appendToStream(`job-r${i}`, [b.jobSubmitted(`r${i}`)], { expectedVersion: 'noStream' });
    const events = await everything();
    const readModel = await ProjectionReadModel.start(store, { pageSize: 5 });
    const cut = events[6]!.recordedAt;
    const replayed = await readModel.asOf(cut);
    expect(replayed).toEqual(replayAsOf(apiViews(), events, cut));
    expect(Object.keys(replayed.jobs.jobs)).toHaveLength(7);
  });
});

describe('ProjectionReadModel checkpoints', () => {
  it('resumes from a saved checkpoint and saves again only after enough of the feed', async () => {
    const b = eventBuilder();
    const saved: { position: number }[] = [];
    const checkpoints = new MemoryCheckpointStore();
    const watched = {
      load: checkpoints.load.bind(checkpoints),
      save: async <S>(name: string, c: { position: number; state: S }) => {
        saved.push({ position: c.position });
        await checkpoints.save(name, c);
      },
    };
    for (let i = 0; i < 3; i++)
      await store.appendToStream(`job-c${i}`, [b.jobSubmitted(`c${i}`)], { expectedVersion: 'noStream' });
    const first = await ProjectionReadModel.start(store, { checkpoints: watched, saveEvery: 5 });
    expect(saved).toEqual([]);
    for (let i = 3; i < 8; i++) {
      await store.appendToStream(`job-c${i}`, [b.jobSubmitted(`c${i}`)], { expectedVersion: 'noStream' });
      await first.current();
    }
    expect(saved.map((s) => s.position)).toEqual([5]);
    const resumed = await ProjectionReadModel.start(store, { checkpoints: watched, saveEvery: 5 });
    expect(Object.keys((await resumed.current()).jobs.jobs)).toHaveLength(8);
  });
});
