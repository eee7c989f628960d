import type { JobStatus, QueuedJob } from './domain';
import { gateOf, queueFirst, type HeldJob } from './gates';
import { instantMs } from './instant';
import type { DependencyCancellation } from './snapshot';

/**
 * The jobs free to be placed this cycle, with what ordering them needs copied out into columns.
 * A cycle may see 100k queued jobs scattered over the heap; reading each once, in one pass, and
 * sorting the columns costs far less than going back to the objects.
 */
export interface Candidates {
  readonly jobs: QueuedJob[];
  readonly priority: Float64Array;
  readonly enqueuedMs: Float64Array;
  readonly position: Float64Array;
  /** Index into `sourceNames`, which is sorted, so an index is also its source's name order. */
  readonly source: Int32Array;
  readonly sourceNames: readonly string[];
  /** Per dimension, the smallest demand of any candidate: a pool with less headroom can take none. */
  readonly smallestDemand: Float64Array;
  /** Jobs that must wait whatever the capacity, in queue order. */
  readonly held: HeldJob[];
  readonly cancellations: DependencyCancellation[];
}

export function collectCandidates(
  pending: Record<string, QueuedJob>,
  statuses: Record<string, JobStatus>,
  nowMs: number,
): Candidates {
  const ids = Object.keys(pending);
  const jobs: QueuedJob[] = [];
  // Sized for every queued job up front: growing arrays of 100k would leave copies for the GC.
  const priority = new Float64Array(ids.length);
  const enqueuedMs = new Float64Array(ids.length);
  const position = new Float64Array(ids.length);
  const firstSeenSource = new Int32Array(ids.length);
  const sourceIds = new Map<string, number>();
  const smallest = [Infinity, Infinity, Infinity, Infinity, Infinity, Infinity];
  const held: HeldJob[] = [];
  const cancelled: { job: QueuedJob; reason: string }[] = [];

  for (const jobId of ids) {
    const job = pending[jobId];
    if (!job) continue;
    const gate = gateOf(job, statuses, nowMs);
    if (gate) {
      if ('cancel' in gate) cancelled.push({ job, reason: gate.cancel });
      else held.push({ job, code: gate.hold, reason: gate.reason });
      continue;
    }
    const i = jobs.length;
    jobs.push(job);
    priority[i] = job.priority;
    enqueuedMs[i] = instantMs(job.enqueuedAt);
    position[i] = job.submittedPosition;
    let id = sourceIds.get(job.source);
    if (id === undefined) sourceIds.set(job.source, (id = sourceIds.size));
    firstSeenSource[i] = id;
    // Named reads in DIMENSIONS order: this runs for every queued job.
    const demand = job.demand;
    smallest[0] = Math.min(smallest[0] ?? 0, demand.runs ?? 0);
    smallest[1] = Math.min(smallest[1] ?? 0, demand.dpu ?? 0);
    smallest[2] = Math.min(smallest[2] ?? 0, demand.vcpu ?? 0);
    smallest[3] = Math.min(smallest[3] ?? 0, demand.memoryMiB ?? 0);
    smallest[4] = Math.min(smallest[4] ?? 0, demand.gpu ?? 0);
    smallest[5] = Math.min(smallest[5] ?? 0, demand.ips ?? 0);
  }

  const sourceNames = [...sourceIds.keys()].sort();
  const rank = new Int32Array(sourceNames.length);
  sourceNames.forEach((name, index) => (rank[sourceIds.get(name) ?? 0] = index));
  const source = new Int32Array(jobs.length);
  for (let i = 0; i < jobs.length; i++) source[i] = rank[firstSeenSource[i] ?? 0] ?? 0;

  held.sort((a, b) => queueFirst(a.job, b.job));
  cancelled.sort((a, b) => queueFirst(a.job, b.job));
  return {
    jobs,
    priority: priority.subarray(0, jobs.length),
    enqueuedMs: enqueuedMs.subarray(0, jobs.length),
    position: position.subarray(0, jobs.length),
    source,
    sourceNames,
    smallestDemand: Float64Array.from(smallest, (least) => (jobs.length === 0 ? 0 : least)),
    held,
    cancellations: cancelled.map(({ job, reason }) => ({ jobId: job.jobId, reason })),
  };
}
