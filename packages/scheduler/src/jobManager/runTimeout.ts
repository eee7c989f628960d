import type { JobState } from '@sluice/domain';

/**
 * How long a running job's current run has taken, in whole seconds, once that is past the job's
 * `timeoutSeconds`; undefined while it is within its limit, or when it has no limit or no run.
 * Pure: the time comes in, so the local runner's fake clock and the cloud's clock give the same
 * verdict for the same events.
 */
export function runOverrunSeconds(
  state: JobState,
  runStartedAt: string | undefined,
  nowMs: number,
): number | undefined {
  const limit = state.job?.timeoutSeconds;
  if (state.status !== 'running' || limit === undefined || runStartedAt === undefined) return undefined;
  const elapsedMs = nowMs - Date.parse(runStartedAt);
  // Whole seconds, rounded down: never less than the limit it exceeded, since the limit is whole.
  return elapsedMs > limit * 1000 ? Math.floor(elapsedMs / 1000) : undefined;
}
