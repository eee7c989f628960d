import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admissionCycle } from './admissionCycle';
import { runWorkload } from '../testing/steadyWorkload';

const TICK = 10;

/**
 * Every source always has jobs queued, more than the pool can run: the contended case weighted
 * fair share is for. Measured over the second half of the run (after the decayed usage has had
 * several half-lives to settle), each source's share of run-seconds is its weight's fraction.
 */
function contended(params: { weights: number[]; slots: number; durationTicks: number; ticks: number }) {
  const sources = params.weights.map((_, i) => `source-${i}`);
  const halfLifeSeconds = 600;
  const { jobs, startMs, endMs } = runWorkload({
    pools: [{ poolId: 'glue-prod', capacity: { runs: params.slots } }],
    policy: {
      shares: Object.fromEntries(sources.map((s, i) => [s, params.weights[i] ?? 1])),
      halfLifeSeconds,
    },
    halfLifeSeconds,
    ticks: params.ticks,
    tickSeconds: TICK,
    arrivals: (_tick, queued) =>
      sources.flatMap((source) =>
        Array.from({ length: Math.max(0, params.slots - (queued.get(source) ?? 0)) }, () => ({
          source,
          priorityClass: 'normal',
          priority: 100,
          demand: { runs: 1 },
          durationSeconds: params.durationTicks * TICK,
        })),
      ),
    cycle: (snapshot) => admissionCycle(snapshot),
  });
  const windowStart = startMs + (endMs - startMs) / 2;
  const used = new Map<string, number>(sources.map((s) => [s, 0]));
  for (const job of jobs) {
    if (job.admittedMs === undefined) continue;
    const from = Math.max(job.admittedMs, windowStart);
    const to = Math.min(job.admittedMs + job.durationSeconds * 1000, endMs);
    if (to > from) used.set(job.source, (used.get(job.source) ?? 0) + (to - from));
  }
  const total = [...used.values()].reduce((a, b) => a + b, 0);
  const weightTotal = params.weights.reduce((a, b) => a + b, 0);
  return sources.map((source, i) => ({
    source,
    share: (used.get(source) ?? 0) / total,
    target: (params.weights[i] ?? 1) / weightTotal,
  }));
}

describe('weighted fair share under contention', () => {
  it('converges each source’s share of usage to its weight within ±5%', () => {
    fc.assert(
      fc.property(
        fc.record({
          weights: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 3 }),
          slots: fc.integer({ min: 8, max: 16 }),
          durationTicks: fc.integer({ min: 3, max: 8 }),
        }),
        ({ weights, slots, durationTicks }) => {
          for (const { source, share, target } of contended({ weights, slots, durationTicks, ticks: 480 })) {
            expect(
              Math.abs(share - target) / target,
              `${source}: ${share.toFixed(3)} vs ${target.toFixed(3)}`,
            ).toBeLessThanOrEqual(0.05);
          }
        },
      ),
      { numRuns: 3 },
    );
  }, 40_000);

  it('gives equal weights equal shares and a double weight twice as much', () => {
    const [a, b, c] = contended({ weights: [1, 1, 2], slots: 12, durationTicks: 6, ticks: 480 });
    expect(a?.share).toBeCloseTo(0.25, 1);
    expect(b?.share).toBeCloseTo(0.25, 1);
    expect(c?.share).toBeCloseTo(0.5, 1);
  }, 20_000);
});
