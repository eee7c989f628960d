/** Exponential backoff between attempts: 30 s, 60 s, 120 s, … capped at one hour. */
export function retryDelaySeconds(nextAttempt: number, baseSeconds = 30, maxSeconds = 3600): number {
  return Math.min(maxSeconds, baseSeconds * 2 ** Math.max(0, nextAttempt - 2));
}
