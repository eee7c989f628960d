export interface Distribution {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * Mean and nearest-rank percentiles (the smallest value with at least p% of values at or below
 * it): always a value that occurred, so a p99 wait is a wait some job really had.
 */
export function distributionOf(values: readonly number[]): Distribution {
  if (values.length === 0) return { count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = Float64Array.from(values).sort();
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    mean: sum / sorted.length,
    p50: rank(50),
    p95: rank(95),
    p99: rank(99),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

/** Values grouped by a key, each group summarized. Keys come out sorted so reports are stable. */
export function distributionsBy<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  valueOf: (item: T) => number,
): Record<string, Distribution> {
  const groups = new Map<string, number[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key) ?? [];
    group.push(valueOf(item));
    groups.set(key, group);
  }
  const out: Record<string, Distribution> = {};
  for (const key of [...groups.keys()].sort()) out[key] = distributionOf(groups.get(key) ?? []);
  return out;
}
