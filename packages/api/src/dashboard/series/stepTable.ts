import type { TimeTable } from '../snapshotTypes';

/** One change at one instant, applied to whatever state the series is counting. */
export interface Step {
  at: string;
}

/**
 * Folds time-ordered steps into one table of columns that share a time axis, the shape a chart
 * draws directly: after each instant every series' current value is sampled, so a series that
 * starts later reads 0 before it. Steps at the same instant make one row; only the last
 * `maxPoints` rows are kept.
 */
export function stepTable<S extends Step>(
  steps: readonly S[],
  apply: (step: S) => void,
  sample: () => ReadonlyMap<string, number>,
  maxPoints: number,
): TimeTable {
  const rows: { at: string; values: ReadonlyMap<string, number> }[] = [];
  const sorted = [...steps].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const step of sorted) {
    apply(step);
    const row = { at: step.at, values: new Map(sample()) };
    if (rows.at(-1)?.at === step.at) rows[rows.length - 1] = row;
    else rows.push(row);
  }
  const kept = rows.slice(-maxPoints);
  const labels = [...new Set(kept.flatMap((row) => [...row.values.keys()]))].sort((a, b) => a.localeCompare(b));
  return {
    times: kept.map((row) => row.at),
    series: labels.map((label) => ({ label, values: kept.map((row) => row.values.get(label) ?? 0) })),
  };
}
