import type { JobStatus, QueuedJob } from './domain';
import { gateOf, queueFirst, type HeldJob } from './gates';
import type { IndexedJob, PendingBucket, PendingIndex } from './pendingIndex';
import type { DependencyCancellation } from './snapshot';
import { DIMENSION_COUNT, readDemand } from './vectors';

/**
 * The jobs free to be placed this cycle. Only the gated jobs (dependencies, back-off, cancellation
 * asked) are read up front; the others stay in the pending index's buckets until the walk reaches
 * them, and get a candidate number and their columns when it does.
 */
export interface Candidates {
  /** Buckets with at least one job free this cycle. */
  readonly buckets: readonly PendingBucket[];
  /** Jobs a gate holds or cancels this cycle: the walk passes over them. */
  readonly excluded: ReadonlySet<IndexedJob>;
  /** Sorted, so an index is also its source's name order. */
  readonly sourceNames: readonly string[];
  readonly sourceIndex: ReadonlyMap<string, number>;
  /** The distinct priorities of the free jobs: the steps of the class ladder. */
  readonly priorities: ReadonlySet<number>;
  /** Per dimension, the smallest demand of any candidate: a pool with less headroom can take none. */
  readonly smallestDemand: Float64Array;
  /** Jobs that must wait whatever the capacity, in queue order. */
  readonly held: HeldJob[];
  readonly cancellations: DependencyCancellation[];
  /** Columns of the jobs visited so far, by candidate number. */
  readonly jobs: QueuedJob[];
  readonly source: number[];
  readonly level: number[];
  /** 1 for a source's longest-waiting job past its aging bound. */
  readonly starved: number[];
}

export function collectCandidates(
  index: PendingIndex,
  statuses: Record<string, JobStatus>,
  nowMs: number,
): Candidates {
  const excluded = new Set<IndexedJob>();
  const passing = new Set<PendingBucket>();
  const held: HeldJob[] = [];
  const cancelled: { job: QueuedJob; reason: string }[] = [];
  const smallest = index.freeDemandFloor(new Float64Array(DIMENSION_COUNT));
  const demand = new Float64Array(DIMENSION_COUNT);
  const bucketOf = new Map<string, PendingBucket>();
  for (const bucket of index.buckets()) bucketOf.set(`${bucket.priority}\u0000${bucket.source}`, bucket);

  for (const entry of index.gated()) {
    const job = entry.job;
    const gate = gateOf(job, statuses, nowMs);
    if (gate) {
      excluded.add(entry);
      if ('cancel' in gate) cancelled.push({ job, reason: gate.cancel });
      else held.push({ job, code: gate.hold, reason: gate.reason });
      continue;
    }
    const bucket = bucketOf.get(`${job.priority}\u0000${job.source}`);
    if (bucket) passing.add(bucket);
    readDemand(job.demand, demand);
    for (let d = 0; d < DIMENSION_COUNT; d++) smallest[d] = Math.min(smallest[d] ?? 0, demand[d] ?? 0);
  }

  const buckets = [...bucketOf.values()].filter((bucket) => bucket.free > 0 || passing.has(bucket));
  const sourceNames = [...new Set(buckets.map((bucket) => bucket.source))].sort();
  held.sort((a, b) => queueFirst(a.job, b.job));
  cancelled.sort((a, b) => queueFirst(a.job, b.job));
  return {
    buckets,
    excluded,
    sourceNames,
    sourceIndex: new Map(sourceNames.map((name, i) => [name, i])),
    priorities: new Set(buckets.map((bucket) => bucket.priority)),
    smallestDemand: buckets.length === 0 ? smallest.fill(0) : smallest,
    held,
    cancellations: cancelled.map(({ job, reason }) => ({ jobId: job.jobId, reason })),
    jobs: [],
    source: [],
    level: [],
    starved: [],
  };
}
