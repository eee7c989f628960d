import type { InFlightJob } from '@sluice/domain';
import { amountsOf } from './resourceAmounts';

/** What a running job will give back to its pool, and when its estimate says it will. */
export interface Release {
  /** Infinity when the job has no estimate: as with no time limit, it is planned to run for ever. */
  endMs: number;
  amount: Float64Array;
}

/** The smallest step of planned time: an overdue job is expected to end at any moment, not before now. */
export const OVERDUE_STEP_MS = 1;

/**
 * Releases per pool from the running jobs, timed from their start (else their admission) plus
 * their estimate, as Slurm plans from start time plus time limit. A job that has outrun its
 * estimate is expected right after now: it still holds its reservation, so nothing may plan on
 * it at this instant.
 */
export function runningReleases(
  inFlight: Record<string, InFlightJob>,
  nowMs: number,
): Map<string, Release[]> {
  const byPool = new Map<string, Release[]>();
  for (const job of Object.values(inFlight)) {
    const begun = Date.parse(job.startedAt ?? job.admittedAt);
    const endMs =
      job.estimateSeconds !== undefined && Number.isFinite(begun)
        ? Math.max(nowMs + OVERDUE_STEP_MS, begun + job.estimateSeconds * 1000)
        : Infinity;
    const list = byPool.get(job.poolId) ?? [];
    list.push({ endMs, amount: amountsOf(job.reservation) });
    byPool.set(job.poolId, list);
  }
  return byPool;
}
