import type { QueuedJob, QueueViewState } from './domain';
import { instantMs } from './instant';
import { MinCounter } from './minCounter';
import { DIMENSION_COUNT, readDemand } from './vectors';

/** One queued job as the index keeps it: its order key read once, not at every cycle. */
export interface IndexedJob {
  readonly job: QueuedJob;
  /** Enqueue time in ms; an unreadable one sorts last and does not age. */
  readonly enqueuedMs: number;
  /** Whether it may be held whatever the capacity (dependencies, retry back-off, cancellation asked). */
  readonly gated: boolean;
  alive: boolean;
}

/**
 * The queued jobs of one priority and one source, longest waiting first (then submission position
 * and job id). Within a bucket every job has the same class, so aging keeps this order: its head
 * always has the highest score.
 */
export interface PendingBucket {
  readonly priority: number;
  readonly source: string;
  /** In order; removed jobs stay, marked not alive, until the bucket is compacted. */
  readonly entries: readonly IndexedJob[];
  /** Alive jobs that no gate can hold. */
  readonly free: number;
}

/**
 * The pending jobs of a queue view, kept ordered as the queue changes, so that a cycle reads only
 * the jobs it decides on instead of collecting and sorting the whole queue (100,000 jobs cost tens
 * of milliseconds to sort, and the cycle then looks at a few hundred). It is derived data: built
 * from the view on first use, then told of each job an event touched. Pure: no clock, no I/O.
 */
export class PendingIndex {
  private readonly members = new Map<string, IndexedJob>();
  private readonly byKey = new Map<string, MutableBucket>();
  private readonly gatedJobs = new Set<IndexedJob>();
  private readonly floors = Array.from({ length: DIMENSION_COUNT }, () => new MinCounter());
  private readonly scratch = new Float64Array(DIMENSION_COUNT);
  private built = false;

  /** `queue` is the view object this index follows; it is checked before every use. */
  constructor(private readonly queue: QueueViewState) {}

  /** An index built at once from the view (one sort), for callers that keep none. */
  static of(queue: QueueViewState): PendingIndex {
    const index = new PendingIndex(queue);
    index.build();
    return index;
  }

  /** Whether this index follows that view object. */
  follows(queue: QueueViewState): boolean {
    return queue === this.queue;
  }

  /** Brings one job's entry in line with the view after an event about it. */
  touched(jobId: string): void {
    if (!this.built) return;
    const indexed = this.members.get(jobId);
    const pending = Object.hasOwn(this.queue.pending, jobId) ? this.queue.pending[jobId] : undefined;
    if (indexed && pending === indexed.job && isGated(pending) === indexed.gated) return;
    if (indexed) this.remove(indexed);
    if (pending) this.insert(pending, true);
  }

  buckets(): Iterable<PendingBucket> {
    this.build();
    return this.byKey.values();
  }

  /** The alive jobs a gate may hold: the only ones a cycle must look at before ordering. */
  gated(): Iterable<IndexedJob> {
    this.build();
    return this.gatedJobs;
  }

  /** Per dimension, the smallest demand of the alive jobs that no gate can hold (Infinity: none). */
  freeDemandFloor(into: Float64Array): Float64Array {
    this.build();
    for (let d = 0; d < DIMENSION_COUNT; d++) into[d] = this.floors[d]?.min ?? Infinity;
    return into;
  }

  private build(): void {
    if (this.built) return;
    this.built = true;
    for (const job of Object.values<QueuedJob>(this.queue.pending)) this.insert(job, false);
    for (const bucket of this.byKey.values()) bucket.entries.sort(compareIndexed);
  }

  /** `ordered`: put it in its place now (otherwise the build sorts every bucket once at the end). */
  private insert(job: QueuedJob, ordered: boolean): void {
    const key = `${job.priority}\u0000${job.source}`;
    let bucket = this.byKey.get(key);
    if (!bucket)
      this.byKey.set(
        key,
        (bucket = { priority: job.priority, source: job.source, entries: [], free: 0, dead: 0 }),
      );
    const enqueuedMs = instantMs(job.enqueuedAt);
    const entry: IndexedJob = {
      job,
      enqueuedMs: Number.isNaN(enqueuedMs) ? Infinity : enqueuedMs,
      gated: isGated(job),
      alive: true,
    };
    const entries = bucket.entries;
    const last = entries[entries.length - 1];
    // Arrivals are mostly the newest of their bucket: appending is the common case.
    if (!ordered || !last || compareIndexed(last, entry) < 0) entries.push(entry);
    else entries.splice(firstAfter(entries, entry), 0, entry);
    this.members.set(job.jobId, entry);
    this.track(bucket, entry, +1);
  }

  private remove(entry: IndexedJob): void {
    entry.alive = false;
    this.members.delete(entry.job.jobId);
    const bucket = this.byKey.get(`${entry.job.priority}\u0000${entry.job.source}`);
    if (!bucket) return;
    this.track(bucket, entry, -1);
    bucket.dead++;
    // Compacted here, on the write side, when most of it is dead: a cycle only skips the dead.
    if (bucket.dead > 32 && bucket.dead * 2 > bucket.entries.length) {
      bucket.entries = bucket.entries.filter((kept) => kept.alive);
      bucket.dead = 0;
    }
    if (bucket.entries.length === bucket.dead) this.byKey.delete(`${bucket.priority}\u0000${bucket.source}`);
  }

  private track(bucket: MutableBucket, entry: IndexedJob, change: 1 | -1): void {
    if (entry.gated) {
      if (change > 0) this.gatedJobs.add(entry);
      else this.gatedJobs.delete(entry);
      return;
    }
    bucket.free += change;
    readDemand(entry.job.demand, this.scratch);
    for (let d = 0; d < DIMENSION_COUNT; d++) {
      const floor = this.floors[d];
      const value = this.scratch[d] ?? 0;
      if (change > 0) floor?.add(value);
      else floor?.remove(value);
    }
  }
}

interface MutableBucket extends PendingBucket {
  entries: IndexedJob[];
  free: number;
  dead: number;
}

const isGated = (job: QueuedJob): boolean =>
  job.cancelRequested || job.dependsOn !== undefined || job.notBefore !== undefined;

/** Longest waiting first, then submission position, then job id: a total order. */
export function compareIndexed(a: IndexedJob, b: IndexedJob): number {
  return (
    a.enqueuedMs - b.enqueuedMs ||
    a.job.submittedPosition - b.job.submittedPosition ||
    (a.job.jobId < b.job.jobId ? -1 : a.job.jobId > b.job.jobId ? 1 : 0)
  );
}

function firstAfter(entries: readonly IndexedJob[], entry: IndexedJob): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareIndexed(entries[mid]!, entry) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
