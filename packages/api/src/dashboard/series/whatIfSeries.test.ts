import type { Distribution, OutcomeReport, WhatIfReport } from '@sluice/scheduler';
import { describe, expect, it } from 'vitest';
import { percentileBars, usageTable } from './whatIfSeries';

const wait = (p50: number, p95: number, p99: number): Distribution => ({ count: 1, mean: p50, p50, p95, p99, max: p99 });

function outcome(byClass: Record<string, Distribution>, usage: OutcomeReport['usageOverTime']): OutcomeReport {
  return { wait: { overall: wait(0, 0, 0), byClass, bySource: {} }, usageOverTime: usage } as OutcomeReport;
}

const report = {
  window: { from: '2026-03-02T09:00:00.000Z', until: '2026-03-02T10:00:00.000Z' },
  recorded: outcome({ normal: wait(10, 20, 30) }, {
    shared: [
      { at: '2026-03-02T09:00:00.000Z', used: { runs: 1 } },
      { at: '2026-03-02T09:01:00.000Z', used: { runs: 1, vcpu: 4 } },
    ],
  }),
  candidate: outcome({ high: wait(1, 2, 3), normal: wait(5, 6, 7) }, {
    shared: [
      { at: '2026-03-02T09:00:00.000Z', used: {} },
      { at: '2026-03-02T09:01:00.000Z', used: { runs: 2 } },
    ],
  }),
} as WhatIfReport;

describe('what-if series', () => {
  it('puts each class’s percentiles side by side, zero where a side has no such class', () => {
    const bars = percentileBars(report, 'byClass');
    expect(bars.windowSeconds).toBe(3600);
    expect(bars.buckets).toEqual(['high p50', 'high p95', 'high p99', 'normal p50', 'normal p95', 'normal p99']);
    expect(bars.classes).toEqual([
      { priorityClass: 'recorded', counts: [0, 0, 0, 10, 20, 30] },
      { priorityClass: 'candidate', counts: [1, 2, 3, 5, 6, 7] },
    ]);
  });

  it('lines a pool’s usage up per dimension and side on the shared sample times', () => {
    const table = usageTable(report, 'shared');
    expect(table.times).toEqual(['2026-03-02T09:00:00.000Z', '2026-03-02T09:01:00.000Z']);
    expect(table.series).toEqual([
      { label: 'runs recorded', values: [1, 1] },
      { label: 'runs candidate', values: [0, 2] },
      { label: 'vcpu recorded', values: [0, 4] },
      { label: 'vcpu candidate', values: [0, 0] },
    ]);
    expect(usageTable(report, 'elsewhere')).toEqual({ times: [], series: [] });
  });
});
