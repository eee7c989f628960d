/** A planned start as a waiting job's reason gives it. */
export function startWording(startsAtMs: number): string {
  return Number.isFinite(startsAtMs)
    ? new Date(startsAtMs).toISOString()
    : 'an unknown time (a job it waits for has no estimate)';
}
