import { DEFAULT_CLASSES } from '@sluice/domain';
import { describe, expect, it } from 'vitest';
import { admissionCycle } from './admissionCycle';
import { classLadder } from './classLadder';
import { agingBoundSeconds, agingCeiling, agingScore, effectiveLevel } from './effectivePriority';
import { snapshotBuilder } from '../testing/snapshotBuilder';

describe('class ladder', () => {
  it('makes each distinct priority one step, class values and unnamed priorities alike', () => {
    const ladder = classLadder(DEFAULT_CLASSES, [75, 100]);
    expect([10, 50, 75, 100, 500, 1000].map((p) => ladder.levelOf(p))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ladder.top).toBe(5);
    expect(ladder.nameOf(1)).toBe('low');
    expect(ladder.nameOf(2)).toBe('priority 75');
    expect(ladder.nameOf(7)).toBe('critical+2');
  });
});

describe('aging', () => {
  it('raises a job one class step per agingSeconds waited', () => {
    expect(effectiveLevel(agingScore(1, 0, 600))).toBe(1);
    expect(effectiveLevel(agingScore(1, 599, 600))).toBe(1);
    expect(effectiveLevel(agingScore(1, 600, 600))).toBe(2);
    expect(effectiveLevel(agingScore(1, 1800, 600))).toBe(4);
    expect(effectiveLevel(agingScore(1, -50, 600))).toBe(1);
  });

  it('stops aging below the top class, which keeps its place', () => {
    const top = 4;
    expect(agingCeiling(1, top)).toBe(3);
    expect(agingCeiling(3, top)).toBe(3);
    expect(agingCeiling(top, top)).toBe(top);
    expect(effectiveLevel(agingScore(1, 1e9, 600), agingCeiling(1, top))).toBe(3);
  });

  it('bounds the wait after which no later job of a class below the top ranks above it', () => {
    const [level, top, aging] = [1, 4, 600];
    const bound = agingBoundSeconds(level, top, aging);
    expect(bound).toBe(1800);
    // A job of the class below the top enqueued at the bound, at any later instant, ranks at most
    // level with it (and then behind it within a source, by score).
    for (const later of [0, 1, 599, 600, 5000]) {
      const old = effectiveLevel(agingScore(level, bound + later, aging), agingCeiling(level, top));
      const fresh = effectiveLevel(agingScore(top - 1, later, aging), agingCeiling(top - 1, top));
      expect(old).toBeGreaterThanOrEqual(fresh);
      expect(agingScore(level, bound + later, aging)).toBeGreaterThan(agingScore(top - 1, later, aging));
    }
  });

  it('lets a long-waiting low job go before fresh high jobs, but not before the top class', () => {
    const b = snapshotBuilder();
    b.pool('glue-prod', { capacity: { runs: 1 } });
    b.policy({ shares: {}, agingSeconds: 600 });
    b.at('2026-01-01T00:00:00.000Z').submit('old-low', { priorityClass: 'low', priority: 50 });
    b.at('2026-01-01T02:00:00.000Z').submit('new-high', { priorityClass: 'high', priority: 500 });
    const result = admissionCycle(b.snapshot('2026-01-01T02:00:30.000Z'));
    expect(result.admissions.map((a) => a.jobId)).toEqual(['old-low']);
    expect(result.admissions[0]?.reason).toContain('class low, aged 2 steps to high');

    b.submit('new-critical', { priorityClass: 'critical', priority: 1000 });
    const withTop = admissionCycle(b.snapshot('2026-01-01T02:00:30.000Z'));
    expect(withTop.admissions.map((a) => a.jobId)).toEqual(['new-critical']);
  });

  it('keeps classes strict while nobody has waited a step', () => {
    const b = snapshotBuilder();
    b.pool('glue-prod', { capacity: { runs: 1 } });
    b.policy({ shares: {}, agingSeconds: 600 });
    b.at('2026-01-01T00:00:00.000Z').submit('low', { priorityClass: 'low', priority: 50 });
    b.submit('high', { priorityClass: 'high', priority: 500 });
    const result = admissionCycle(b.snapshot('2026-01-01T00:05:00.000Z'));
    expect(result.admissions.map((a) => a.jobId)).toEqual(['high']);
    expect(result.pending).toEqual([
      expect.objectContaining({
        jobId: 'low',
        code: 'capacity',
        reason: expect.stringContaining('0 jobs ahead in class low'),
      }),
    ]);
  });
});
