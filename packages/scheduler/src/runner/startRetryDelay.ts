/** Backoff between start attempts: 1 s, 2 s, 4 s… capped at 5 minutes. */
export function startRetryDelayMs(failures: number): number {
  return Math.min(300_000, 1000 * 2 ** Math.min(failures, 20));
}
