import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../events/envelope';
import { eventLog } from '../testing/eventLog';
import { interpretWorkload, workloadStepArbitrary, type WorkloadBatch } from '../testing/randomWorkload';
import { addResources, type ResourceVector } from '../resources/resourceVector';
import { rebuild, replayAsOf } from './projection';
import { allViews, type Views } from './views';
import { orderedQueue } from './queueView';

function record(batches: WorkloadBatch[]): { events: StoredEvent[]; batchEnds: { at: string; count: number }[] } {
  const log = eventLog();
  const batchEnds = batches.map((batch) => {
    for (const append of batch.appends) log.record(append.streamId, append.events, batch.at);
    return { at: batch.at, count: log.events.length };
  });
  return { events: log.events, batchEnds };
}

const steps = fc.array(workloadStepArbitrary(), { minLength: 1, maxLength: 200, size: 'max' });

describe('projections', () => {
  it('rebuilt from zero equal the live views, even when the live side restarts from saved checkpoints', () => {
    fc.assert(
      fc.property(steps, fc.array(fc.nat(), { maxLength: 5 }), (workload, restartPoints) => {
        const { events } = record(interpretWorkload(workload));
        const views = allViews({ halfLifeSeconds: 900 });
        const restarts = new Set(restartPoints.map((p) => p % (events.length + 1)));
        let live = views.initialState();
        events.forEach((event, i) => {
          // A restart loads the state from its JSON checkpoint and carries on.
          if (restarts.has(i)) live = JSON.parse(JSON.stringify(live)) as Views;
          live = views.evolve(live, event);
        });
        const rebuilt = rebuild(views, events);
        expect(JSON.parse(JSON.stringify(rebuilt))).toEqual(JSON.parse(JSON.stringify(live)));
        expect(rebuilt).toStrictEqual(live);
      }),
      { numRuns: 150 },
    );
  });

  it('replayed as of a time give the views exactly as they were then', () => {
    fc.assert(
      fc.property(steps, fc.nat(), (workload, pick) => {
        const { events, batchEnds } = record(interpretWorkload(workload));
        if (batchEnds.length === 0) return;
        const views = allViews();
        const cut = batchEnds[pick % batchEnds.length]!;
        const thenLive = structuredClone(rebuild(views, events.slice(0, cut.count)));
        expect(replayAsOf(views, events, cut.at)).toEqual(thenLive);
      }),
      { numRuns: 150 },
    );
  });

  it('agree with each other: reservations match in-flight jobs, and the queue matches queued jobs', () => {
    fc.assert(
      fc.property(steps, (workload) => {
        const { events } = record(interpretWorkload(workload));
        const { queue, capacity, jobs, usage } = rebuild(allViews(), events);
        const byPool: Record<string, ResourceVector> = {};
        for (const job of Object.values(queue.inFlight)) byPool[job.poolId] = addResources(byPool[job.poolId] ?? {}, job.reservation);
        for (const pool of Object.values(capacity.pools)) {
          expect(Object.keys(pool.reservations).sort()).toEqual(
            Object.values(queue.inFlight).filter((j) => j.poolId === pool.poolId).map((j) => j.jobId).sort(),
          );
          for (const [dim, v] of Object.entries(byPool[pool.poolId] ?? {})) {
            expect(pool.reserved[dim as keyof ResourceVector]).toBeCloseTo(v, 9);
          }
        }
        const queued = Object.values(jobs.jobs).filter((j) => j.status === 'queued').map((j) => j.jobId);
        expect(orderedQueue(queue).map((j) => j.jobId).sort()).toEqual(queued.sort());
        const holding = Object.values(jobs.jobs).filter((j) => j.status === 'admitted' || j.status === 'running');
        expect(Object.keys(usage.holders).sort()).toEqual(holding.map((j) => j.jobId).sort());
      }),
      { numRuns: 150 },
    );
  });
});
