import type { OutcomeReport, WhatIfReport } from '@sluice/scheduler';
import type { TimeTable, WaitHistogram } from '../snapshotTypes';

const PERCENTILES = ['p50', 'p95', 'p99'] as const;
const SIDES = ['recorded', 'candidate'] as const;

/**
 * Waits per class as bars of a category chart: a `p50` / `p95` / `p99` bucket per class, one
 * series for the recorded replay and one for the candidate's, so each pair stands side by side.
 */
export function percentileBars(report: WhatIfReport, group: 'byClass' | 'bySource'): WaitHistogram {
  const keys = [...new Set(SIDES.flatMap((side) => Object.keys(report[side].wait[group])))].sort();
  const buckets = keys.flatMap((key) => PERCENTILES.map((p) => `${key} ${p}`));
  return {
    windowSeconds: (Date.parse(report.window.until) - Date.parse(report.window.from)) / 1000,
    buckets,
    classes: SIDES.map((side) => ({
      priorityClass: side,
      counts: keys.flatMap((key) => PERCENTILES.map((p) => report[side].wait[group][key]?.[p] ?? 0)),
    })),
  };
}

/**
 * One pool's reserved capacity over time, per dimension, under the recorded policy and the
 * candidate: both replays are sampled at the same recorded cycles, so they share the time axis.
 */
export function usageTable(report: WhatIfReport, poolId: string): TimeTable {
  const samplesOf = (side: OutcomeReport) => side.usageOverTime[poolId] ?? [];
  const recorded = samplesOf(report.recorded);
  const candidate = samplesOf(report.candidate);
  const dimensions = [...new Set([...recorded, ...candidate].flatMap((s) => Object.keys(s.used)))].sort();
  return {
    times: recorded.map((s) => s.at),
    series: dimensions.flatMap((dimension) =>
      SIDES.map((side) => ({
        label: `${dimension} ${side}`,
        values: samplesOf(report[side]).map((s) => s.used[dimension as keyof typeof s.used] ?? 0),
      })),
    ),
  };
}
