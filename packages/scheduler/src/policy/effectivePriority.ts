/**
 * One class step per four hours waited when the policy names no `agingSeconds`: with the default
 * classes the lowest one reaches the class below the top within 12 hours, so every job gets its
 * turn within a day's cycle of pipelines. Faster steps turn priority into first come, first
 * served whenever the queue is longer than a few steps, which is most of a busy day.
 */
export const DEFAULT_AGING_SECONDS = 4 * 3600;

/**
 * Aging: a job's score is its class step plus the time it has waited in units of `agingSeconds`,
 *
 *   score = level + waitedSeconds / agingSeconds,
 *   effective level = min(floor(score), ceiling),   ceiling = top - 1 (the top class keeps top).
 *
 * Aging lifts a job over the classes below the top, never into the top class: under a backlog
 * longer than the aging steps, aged jobs would otherwise all rank above the top class and the
 * queue would turn into FIFO for it (Slurm caps its age factor below QOS for the same reason).
 * The top class precedes everything, so its own load must stay within capacity.
 *
 * Between effective levels the order is strict; within one, sources share by weight and then the
 * higher score goes first. Below the ceiling every job gains steps at the same rate, so a job J of
 * level L enqueued at t outranks every job of a lower class enqueued at or after
 * t + (ceiling - L + 1) * agingSeconds; from then on J sits at the ceiling, where later jobs can
 * only tie with it, share by source weight, and rank behind it within its own source.
 */
export function agingScore(level: number, waitedSeconds: number, agingSeconds: number): number {
  return level + Math.max(0, waitedSeconds) / agingSeconds;
}

/** The highest level aging lifts a job of `level` to: the top class stays top, the rest stop below it. */
export function agingCeiling(level: number, top: number): number {
  return level >= top ? level : Math.max(level, top - 1);
}

export function effectiveLevel(score: number, ceiling = Infinity): number {
  return Math.min(Math.floor(score), ceiling);
}

/** The wait after which a job of `level` sits at its aging ceiling and a step beyond it. */
export function agingBoundSeconds(level: number, top: number, agingSeconds: number): number {
  return (Math.max(0, agingCeiling(level, top) - level) + 1) * agingSeconds;
}
