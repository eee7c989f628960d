/** Class names from most to least urgent by their values; names without a value go last, by name. */
export function classesByUrgency(names: Iterable<string>, values: Record<string, number>): string[] {
  return [...new Set(names)].sort(
    (a, b) => (values[b] ?? -Infinity) - (values[a] ?? -Infinity) || a.localeCompare(b),
  );
}
