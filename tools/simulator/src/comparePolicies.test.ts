import { describe, expect, it } from 'vitest';
import { comparePolicies } from '@sluice/scheduler';
import { comparedPolicies } from './comparedPolicies';
import { contendedSlice } from './testing/workloads';

describe.each([1, 2])('on a contended data-lake slice (seed %i)', (seed) => {
  const comparison = comparePolicies(contendedSlice(seed), comparedPolicies());
  const outcome = (name: string) => comparison.policies.find((p) => p.policy === name)!;
  const sluice = outcome('sluice');
  const fifo = outcome('fifo');

  it('runs every policy to completion within the limits', () => {
    expect(comparison.policies.map((p) => p.policy)).toEqual([
      'fifo',
      'two-level-priority',
      'multi-level-first-fit',
      'easy-backfill',
      'conservative-backfill',
      'slurm-multifactor',
      'sluice',
    ]);
    for (const p of comparison.policies) {
      expect(p).toMatchObject({ unfinished: 0, refused: 0, cancelled: 0, limitsExceeded: [] });
      expect(p.finished).toBe(comparison.workload.jobs);
      expect(p.makespanRatio).toBeGreaterThanOrEqual(1);
      expect(p.contendedSeconds).toBeGreaterThan(0);
    }
  });

  it('is contended enough to matter: FIFO makes the average job wait over an hour', () => {
    expect(fifo.wait.overall.mean).toBeGreaterThan(3600);
  });

  it('shares contended pools at least as fairly as FIFO (Jain index)', () => {
    expect(sluice.jain!).toBeGreaterThanOrEqual(fifo.jain!);
  });

  it('serves critical and high jobs at least as fast as FIFO at the 95th percentile', () => {
    expect(sluice.wait.byClass.critical!.p95).toBeLessThanOrEqual(fifo.wait.byClass.critical!.p95);
    expect(sluice.wait.byClass.high!.p95).toBeLessThanOrEqual(fifo.wait.byClass.high!.p95);
  });

  it("keeps the mean bounded slowdown below FIFO's", () => {
    expect(sluice.boundedSlowdown.overall.mean).toBeLessThan(fifo.boundedSlowdown.overall.mean);
  });
});
