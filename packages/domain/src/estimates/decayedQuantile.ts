/**
 * The q-quantile of run durations, oldest first, each weighted by how recent it is: the newest run
 * weighs 1 and a run `halfLifeRuns` older weighs half as much. Recent runs dominate (a job that got
 * slower last week is planned on its new duration) while one outlier moves the estimate little.
 */
export function decayedQuantile(durations: readonly number[], q: number, halfLifeRuns: number): number | undefined {
  const n = durations.length;
  if (n === 0) return undefined;
  const weighted = durations.map((seconds, i) => ({ seconds, weight: 0.5 ** ((n - 1 - i) / halfLifeRuns) }));
  weighted.sort((a, b) => a.seconds - b.seconds);
  const total = weighted.reduce((sum, run) => sum + run.weight, 0);
  let covered = 0;
  for (const run of weighted) {
    covered += run.weight;
    if (covered >= q * total - 1e-12) return run.seconds;
  }
  return weighted[weighted.length - 1]?.seconds;
}
