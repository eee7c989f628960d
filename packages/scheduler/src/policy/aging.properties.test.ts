import { DEFAULT_CLASSES } from '@sluice/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admissionCycle } from './admissionCycle';
import { classLadder } from './classLadder';
import { agingBoundSeconds } from './effectivePriority';
import { runWorkload, type JobRecord, type WorkloadJob } from '../testing/steadyWorkload';

const TICK = 10;
const ladder = classLadder(DEFAULT_CLASSES, []);
type LowerClass = 'normal' | 'low' | 'backfill';

const job = (priorityClass: 'high' | LowerClass, source: string, durationSeconds: number): WorkloadJob => ({
  source,
  priorityClass,
  priority: DEFAULT_CLASSES[priorityClass] ?? 0,
  demand: { runs: 1 },
  durationSeconds,
});

const boundOf = (record: JobRecord, agingSeconds: number) =>
  agingBoundSeconds(ladder.levelOf(record.priority), ladder.top, agingSeconds);

/**
 * One pool of `slots` runs, every job one run for `slots` ticks, so exactly one slot frees per
 * tick. `highsPerTick` high jobs arrive each tick, except on the ticks a lower job arrives, and
 * `backlog` high jobs are queued at the start: the pool is never idle, and without aging the lower
 * jobs wait behind every high job.
 */
function saturated(params: {
  slots: number;
  agingSeconds: number;
  lowEvery: number;
  lowClass: LowerClass;
  backlog: number;
  highsPerTick: number;
  lowReplacesHigh: boolean;
  ticks?: number;
}) {
  const duration = params.slots * TICK;
  return runWorkload({
    pools: [{ poolId: 'glue-prod', capacity: { runs: params.slots } }],
    policy: { shares: {}, agingSeconds: params.agingSeconds },
    ticks: params.ticks ?? 250,
    tickSeconds: TICK,
    arrivals: (tick) => {
      const lowNow = tick % params.lowEvery === params.lowEvery - 1;
      const highs =
        (tick === 0 ? params.backlog + params.slots : 0) +
        (lowNow && params.lowReplacesHigh ? 0 : params.highsPerTick);
      return [
        ...Array.from({ length: highs }, () => job('high', 'etl', duration)),
        ...(lowNow ? [job(params.lowClass, 'adhoc', duration)] : []),
      ];
    },
    cycle: (snapshot) => admissionCycle(snapshot),
  });
}

const lowerClass = fc.constantFrom<LowerClass>('normal', 'low', 'backfill');

describe('aging under saturated workloads', () => {
  it('never admits a later job ahead of a source’s oldest job past its aging deadline, nor of its own source’s', () => {
    fc.assert(
      fc.property(
        fc.record({
          slots: fc.integer({ min: 1, max: 4 }),
          agingSeconds: fc.integer({ min: 20, max: 200 }),
          lowEvery: fc.integer({ min: 3, max: 40 }),
          lowClass: lowerClass,
        }),
        (params) => {
          // Overloaded on purpose: no wait is bounded, yet the order aging promises still holds.
          const { jobs } = saturated({
            ...params,
            backlog: 0,
            highsPerTick: 1,
            lowReplacesHigh: false,
            ticks: 200,
          });
          for (const [at, waiter] of jobs.entries()) {
            const deadline = waiter.submittedMs + boundOf(waiter, params.agingSeconds) * 1000;
            const passedAt = waiter.admittedMs ?? Infinity;
            // Starvation is guarded per source: while an older job of the waiter's source still
            // waits (or takes the same cycle's turn), other sources may go first by share; its own
            // source never may.
            const olderOfSourceWaits = (atMs: number) =>
              // Records are in submission order, so the ones before it were submitted first.
              jobs
                .slice(0, at)
                .some((older) => older.source === waiter.source && (older.admittedMs ?? Infinity) >= atMs);
            const overtaken = jobs.find(
              (other) =>
                other.submittedMs >= deadline &&
                other.admittedMs !== undefined &&
                other.admittedMs < passedAt &&
                (other.source === waiter.source || !olderOfSourceWaits(other.admittedMs)),
            );
            expect(overtaken, `${waiter.jobId} (${waiter.priorityClass}) overtaken`).toBeUndefined();
          }
        },
      ),
      { numRuns: 6 },
    );
  }, 30_000);

  it('admits every job within its aging bound plus the time to drain what was queued ahead', () => {
    fc.assert(
      fc.property(
        fc.record({
          slots: fc.integer({ min: 2, max: 4 }),
          agingSeconds: fc.integer({ min: 20, max: 120 }),
          lowClass: lowerClass,
          backlog: fc.integer({ min: 2, max: 8 }),
          lowEvery: fc.integer({ min: 10, max: 40 }),
        }),
        (params) => {
          const { jobs, endMs } = saturated({ ...params, highsPerTick: 1, lowReplacesHigh: true });
          // The initial backlog and the jobs holding the slots drain at one per tick, plus one run.
          const drain = (params.backlog + params.slots) * TICK + params.slots * TICK;
          let lowerAdmitted = 0;
          for (const record of jobs) {
            const bound = boundOf(record, params.agingSeconds) + drain;
            if (record.admittedMs === undefined) {
              expect(
                (endMs - record.submittedMs) / 1000,
                `${record.jobId} never admitted`,
              ).toBeLessThanOrEqual(bound);
              continue;
            }
            expect(
              (record.admittedMs - record.submittedMs) / 1000,
              `${record.jobId} (${record.priorityClass})`,
            ).toBeLessThanOrEqual(bound);
            if (record.priorityClass !== 'high') lowerAdmitted++;
          }
          expect(lowerAdmitted).toBeGreaterThan(3);
        },
      ),
      { numRuns: 6 },
    );
  }, 30_000);

  it('would make lower jobs wait far past that bound without aging (the workloads have teeth)', () => {
    const params = { slots: 3, lowEvery: 20, lowClass: 'low' as const, backlog: 8 };
    const { jobs } = saturated({ ...params, agingSeconds: 1e9, highsPerTick: 1, lowReplacesHigh: true });
    const first = jobs.find((record) => record.priorityClass === 'low');
    const boundWithAging = agingBoundSeconds(ladder.levelOf(50), ladder.top, 120) + (8 + 3 + 3) * TICK;
    expect(first).toBeDefined();
    expect(((first?.admittedMs ?? Infinity) - (first?.submittedMs ?? 0)) / 1000).toBeGreaterThan(
      boundWithAging,
    );
  });
});
