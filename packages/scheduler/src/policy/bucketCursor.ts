import type { Candidates } from './candidates';
import type { ClassLadder } from './classLadder';
import { agingCeiling, agingScore, effectiveLevel } from './effectivePriority';
import type { IndexedJob, PendingBucket } from './pendingIndex';

/**
 * A read position in one bucket of the pending index, at its next free job, with that job's aging
 * score and effective level. A bucket holds one class, so its scores fall along it: the head is
 * always the bucket's best, and its level never rises as the cursor moves on.
 */
export interface BucketCursor {
  readonly bucket: PendingBucket;
  readonly source: number;
  readonly ceiling: number;
  at: number;
  score: number;
  level: number;
}

export interface CursorContext {
  readonly candidates: Candidates;
  readonly ladder: ClassLadder;
  readonly nowMs: number;
  readonly agingSeconds: number;
}

export function openCursor(bucket: PendingBucket, context: CursorContext): BucketCursor {
  const base = context.ladder.levelOf(bucket.priority);
  const cursor: BucketCursor = {
    bucket,
    source: context.candidates.sourceIndex.get(bucket.source) ?? 0,
    ceiling: agingCeiling(base, context.ladder.top),
    at: -1,
    score: 0,
    level: 0,
  };
  advance(cursor, context);
  return cursor;
}

export const headOf = (cursor: BucketCursor): IndexedJob | undefined => cursor.bucket.entries[cursor.at];

/** Moves past the head to the next job that is alive and not held this cycle. */
export function advance(cursor: BucketCursor, context: CursorContext): void {
  const { entries } = cursor.bucket;
  let at = cursor.at + 1;
  while (at < entries.length) {
    const entry = entries[at];
    if (entry && entry.alive && !context.candidates.excluded.has(entry)) break;
    at++;
  }
  cursor.at = at;
  const head = entries[at];
  if (!head) return;
  // An unreadable enqueue time sorts last and simply does not age (it never turns into NaN).
  const waitedSeconds = Math.max(0, (context.nowMs - head.enqueuedMs) / 1000);
  cursor.score = agingScore(
    context.ladder.levelOf(cursor.bucket.priority),
    waitedSeconds,
    context.agingSeconds,
  );
  cursor.level = effectiveLevel(cursor.score, cursor.ceiling);
}

/** Whether the head is past its aging bound: a step above its ceiling. */
export const headStarved = (cursor: BucketCursor): boolean => Math.floor(cursor.score) > cursor.ceiling;

/**
 * Order of two heads within one level and source (or among starved jobs): higher score, then
 * longer waiting, then submission position and job id. Within a bucket this is the bucket's own
 * order, so merging the heads of a source's buckets gives its jobs in this order.
 */
export function headBefore(a: BucketCursor, b: BucketCursor): boolean {
  if (a.score !== b.score) return a.score > b.score;
  const x = headOf(a);
  const y = headOf(b);
  if (!x || !y) return x !== undefined;
  if (x.enqueuedMs !== y.enqueuedMs) return x.enqueuedMs < y.enqueuedMs;
  if (x.job.submittedPosition !== y.job.submittedPosition)
    return x.job.submittedPosition < y.job.submittedPosition;
  return x.job.jobId < y.job.jobId;
}
