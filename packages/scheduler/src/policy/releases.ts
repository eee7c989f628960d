import { estimateRun, type InFlightJob, type RunHistoryState } from './domain';
import { instantMs } from './instant';
import { demandOf } from './vectors';

/** A reservation that will be given back: when (from the job's estimate), and how much. */
export interface Release {
  /** Undefined when the job has no estimate: nobody knows when it ends. */
  endMs: number | undefined;
  amount: Float64Array;
}

/**
 * Releases expected on each pool from the in-flight jobs, timed from their start (or admission)
 * plus the estimate their admission planned on (else what is known now). A job past its estimate
 * counts as ending now: its overrun pushes a reservation's start, it never hides it.
 */
export function inFlightReleases(
  inFlight: Record<string, InFlightJob>,
  history?: RunHistoryState,
): Map<string, Release[]> {
  const byPool = new Map<string, Release[]>();
  for (const jobId of Object.keys(inFlight).sort()) {
    const job = inFlight[jobId];
    if (!job) continue;
    const begun = instantMs(job.startedAt ?? job.admittedAt);
    const seconds = job.estimate?.seconds ?? estimateRun(job, history)?.seconds;
    const endMs = seconds !== undefined && Number.isFinite(begun) ? begun + seconds * 1000 : undefined;
    const list = byPool.get(job.poolId) ?? [];
    list.push({ endMs, amount: demandOf(job.reservation) });
    byPool.set(job.poolId, list);
  }
  return byPool;
}
