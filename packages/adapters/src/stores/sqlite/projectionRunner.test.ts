import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allViews, rebuild, replayAsOf, type StoredEvent } from '@sluice/domain';
import { interpretWorkload, workloadStepArbitrary } from '@sluice/domain/testing';
import { SqliteEventStore } from './sqliteEventStore';
import { MemoryCheckpointStore, ProjectionRunner } from '@sluice/scheduler';
import { readEverything } from '@sluice/domain/testing/eventStoreContract';

describe('ProjectionRunner over the embedded store', () => {
  it('gives live views equal to a rebuild from zero, across restarts from checkpoints', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(workloadStepArbitrary(), { minLength: 1, maxLength: 120, size: 'max' }),
        fc.array(fc.nat(), { maxLength: 4 }),
        async (steps, restartAt) => {
          const batches = interpretWorkload(steps);
          let clock = new Date(0);
          const store = new SqliteEventStore({ filename: ':memory:', now: () => clock });
          const checkpoints = new MemoryCheckpointStore();
          const views = allViews({ halfLifeSeconds: 600 });
          const restarts = new Set(restartAt.map((r) => r % (batches.length + 1)));
          let live = await ProjectionRunner.start(store, views, { checkpoints, pageSize: 7 });
          for (const [i, batch] of batches.entries()) {
            clock = new Date(batch.at);
            await store.appendAtomically(batch.appends.map((a) => ({ ...a, expectedVersion: 'any' as const })));
            if (restarts.has(i)) live = await ProjectionRunner.start(store, views, { checkpoints, pageSize: 7 });
            else await live.catchUp();
          }
          const events: StoredEvent[] = await readEverything(store);
          const fresh = await ProjectionRunner.start(store, views, { pageSize: 50 });
          expect(fresh.state).toStrictEqual(live.state);
          expect(rebuild(views, events)).toStrictEqual(live.state);
          expect(live.checkpoint).toBe(events.at(-1)?.position ?? 0);
          const middle = batches[Math.floor(batches.length / 2)];
          if (middle) {
            const asOf = replayAsOf(views, events, middle.at);
            const upTo = events.filter((e) => e.recordedAt <= middle.at);
            expect(asOf).toStrictEqual(rebuild(views, upTo));
          }
          await store.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never moves a checkpoint backwards', async () => {
    const checkpoints = new MemoryCheckpointStore();
    await checkpoints.save('v', { position: 10, state: { n: 10 } });
    await checkpoints.save('v', { position: 4, state: { n: 4 } });
    expect(await checkpoints.load('v')).toEqual({ position: 10, state: { n: 10 } });
  });
});
