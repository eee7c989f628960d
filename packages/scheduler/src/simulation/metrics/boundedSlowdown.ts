/** Run times below this count as this long, so a 1-second job that waited a minute is not a 61x slowdown. */
export const SLOWDOWN_THRESHOLD_SECONDS = 10;

/** max(1, (wait + run) / max(run, threshold)): how much longer than its run time a job took end to end. */
export function boundedSlowdown(
  waitSeconds: number,
  runSeconds: number,
  threshold = SLOWDOWN_THRESHOLD_SECONDS,
): number {
  return Math.max(1, (waitSeconds + runSeconds) / Math.max(runSeconds, threshold));
}
