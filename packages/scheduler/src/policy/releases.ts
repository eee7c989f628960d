import type { InFlightJob } from './domain';
import { instantMs } from './instant';
import { demandOf } from './vectors';

/** A reservation that will be given back: when (from the job's estimate), and how much. */
export interface Release {
  /** Undefined when the job has no estimate: nobody knows when it ends. */
  endMs: number | undefined;
  amount: Float64Array;
}

/** Releases expected on each pool from the in-flight jobs, timed from their start (or admission) plus estimate. */
export function inFlightReleases(inFlight: Record<string, InFlightJob>): Map<string, Release[]> {
  const byPool = new Map<string, Release[]>();
  for (const jobId of Object.keys(inFlight).sort()) {
    const job = inFlight[jobId];
    if (!job) continue;
    const begun = instantMs(job.startedAt ?? job.admittedAt);
    const endMs =
      job.estimateSeconds !== undefined && Number.isFinite(begun)
        ? begun + job.estimateSeconds * 1000
        : undefined;
    const list = byPool.get(job.poolId) ?? [];
    list.push({ endMs, amount: demandOf(job.reservation) });
    byPool.set(job.poolId, list);
  }
  return byPool;
}
