/** Virtual seconds as the ISO instants events and snapshots carry; the origin is fixed so runs repeat. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 1);

export function isoAtSeconds(epochMs: number, seconds: number): string {
  return new Date(epochMs + Math.round(seconds * 1000)).toISOString();
}
