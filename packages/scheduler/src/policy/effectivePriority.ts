/** One class step per hour waited when the policy names no `agingSeconds`, so every wait stays bounded. */
export const DEFAULT_AGING_SECONDS = 3600;

/**
 * Aging: a job's score is its class step plus the time it has waited in units of `agingSeconds`,
 *
 *   score = level + waitedSeconds / agingSeconds,   effective level = floor(score).
 *
 * Between effective levels the order is strict; within one, sources share by weight and then the
 * higher score goes first. Because every job gains steps at the same rate, a job J of level L
 * enqueued at t outranks every job enqueued at or after t + (top - L + 1) * agingSeconds (that
 * job's effective level is at most top + floor(waited/agingSeconds) - (top - L + 1), one below
 * J's). So J is only ever behind the finite set of jobs enqueued before that instant, and its wait
 * is at most that delay plus the time those jobs take to be admitted: a steady stream of higher
 * jobs cannot starve it.
 */
export function agingScore(level: number, waitedSeconds: number, agingSeconds: number): number {
  return level + Math.max(0, waitedSeconds) / agingSeconds;
}

export function effectiveLevel(score: number): number {
  return Math.floor(score);
}

/** The wait after which no job enqueued later can rank at or above a job of `level`. */
export function agingBoundSeconds(level: number, top: number, agingSeconds: number): number {
  return (Math.max(0, top - level) + 1) * agingSeconds;
}
