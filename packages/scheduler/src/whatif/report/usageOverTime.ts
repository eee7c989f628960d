import type { Dimension, ResourceVector } from '@sluice/domain';

/** The capacity a pool had reserved at one instant, per dimension its jobs asked for. */
export interface UsageSample {
  at: string;
  used: Partial<Record<Dimension, number>>;
}

/** Who held which pool when: the part of a replay's tally this needs. */
export interface HoldingTally {
  admittedAt: Float64Array;
  finishedAt: Float64Array;
  poolOf: readonly (string | undefined)[];
}

/** More samples than a chart can show only make the report heavier. */
export const MAX_USAGE_SAMPLES = 1000;

/**
 * Each pool's reserved capacity over time, sampled at the given instants (the recorded cycles, so
 * recorded and candidate are read at the same moments). A job holds its pool from its admission up
 * to (not including) its end; one that never ended holds it to the last sample. One sweep per pool
 * over its admissions and ends in time order, so thousands of jobs and cycles stay cheap.
 */
export function usageOverTime(
  tally: HoldingTally,
  demands: readonly ResourceVector[],
  sampleSeconds: readonly number[],
  isoAt: (seconds: number) => string,
): Record<string, UsageSample[]> {
  const samples = thinned([...sampleSeconds].sort((a, b) => a - b), MAX_USAGE_SAMPLES);
  const changesByPool = new Map<string, { at: number; demand: ResourceVector; sign: 1 | -1 }[]>();
  tally.poolOf.forEach((poolId, i) => {
    const admitted = tally.admittedAt[i] ?? NaN;
    if (poolId === undefined || Number.isNaN(admitted)) return;
    const changes = changesByPool.get(poolId) ?? [];
    const demand = demands[i] ?? {};
    changes.push({ at: admitted, demand, sign: 1 });
    const finished = tally.finishedAt[i] ?? NaN;
    if (!Number.isNaN(finished)) changes.push({ at: finished, demand, sign: -1 });
    changesByPool.set(poolId, changes);
  });

  const usage: Record<string, UsageSample[]> = {};
  for (const [poolId, changes] of [...changesByPool].sort(([a], [b]) => a.localeCompare(b))) {
    // At one instant an end comes before an admission: the capacity it frees is what the next job takes.
    changes.sort((a, b) => a.at - b.at || a.sign - b.sign);
    const used: Partial<Record<Dimension, number>> = {};
    let next = 0;
    usage[poolId] = samples.map((at) => {
      for (; next < changes.length && changes[next]!.at <= at; next++) {
        const change = changes[next]!;
        for (const [dimension, amount] of Object.entries(change.demand) as [Dimension, number][])
          used[dimension] = (used[dimension] ?? 0) + change.sign * amount;
      }
      return { at: isoAt(at), used: { ...used } };
    });
  }
  return usage;
}

/** At most `max` of the values, evenly spread, the first and last kept. */
function thinned(values: number[], max: number): number[] {
  if (values.length <= max) return values;
  const step = (values.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => values[Math.round(i * step)]!);
}
