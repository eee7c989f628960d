import { DEFAULT_CLASSES } from '@sluice/domain';
import { describe, expect, it } from 'vitest';
import { admissionCycle } from './admissionCycle';
import { classLadder } from './classLadder';
import { agingBoundSeconds, agingScore, effectiveLevel } from './effectivePriority';
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

  it('bounds the wait after which no later job can rank at or above it', () => {
    const [level, top, aging] = [1, 4, 600];
    const bound = agingBoundSeconds(level, top, aging);
    expect(bound).toBe(2400);
    // A top-class job enqueued exactly at the bound, at any later instant, ranks strictly below.
    for (const later of [0, 1, 599, 600, 5000]) {
      const old = effectiveLevel(agingScore(level, bound + later, aging));
      const fresh = effectiveLevel(agingScore(top, later, aging));
      expect(old).toBeGreaterThan(fresh);
    }
  });

  it('lets a long-waiting low job go before fresh high jobs', () => {
    const b = snapshotBuilder();
    b.pool('glue-prod', { capacity: { runs: 1 } });
    b.policy({ shares: {}, agingSeconds: 600 });
    b.at('2026-01-01T00:00:00.000Z').submit('old-low', { priorityClass: 'low', priority: 50 });
    b.at('2026-01-01T02:00:00.000Z').submit('new-high', { priorityClass: 'high', priority: 500 });
    const result = admissionCycle(b.snapshot('2026-01-01T02:00:30.000Z'));
    expect(result.admissions.map((a) => a.jobId)).toEqual(['old-low']);
    expect(result.admissions[0]?.reason).toContain('class low, aged 12 steps to critical+9');
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
