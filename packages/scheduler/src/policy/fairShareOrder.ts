import {
  advance,
  headBefore,
  headOf,
  headStarved,
  openCursor,
  type BucketCursor,
  type CursorContext,
} from './bucketCursor';
import { minHeap } from './minHeap';

export type Visit = (candidate: number, waitingAheadInLevel: number) => boolean | 'stop';

/**
 * Walks the candidates in the cycle's order, reading the pending index only as far as the
 * decisions go:
 *   - effective level, highest first (strict between levels);
 *   - within a level, first each source's longest-waiting job past its aging bound (past the
 *     bound it is first come, first served, by score), then the others: the source with the lowest
 *     share next, asking again after each admission since that is the only thing that changes a
 *     share; within a source, by score.
 * Each visited job gets its candidate number and columns here. `visit` says whether the job was
 * admitted, or 'stop' when nothing more needs deciding.
 */
export function visitInFairShareOrder(
  context: CursorContext,
  shareOf: (source: number) => number,
  visit: Visit,
): void {
  const { candidates } = context;
  const cursors = candidates.buckets.map((bucket) => openCursor(bucket, context)).filter(headOf);
  const bySource: BucketCursor[][] = candidates.sourceNames.map(() => []);
  for (const cursor of cursors) bySource[cursor.source]?.push(cursor);
  const starved = sourcesOldestStarved(bySource);
  const take = (cursor: BucketCursor, isStarved: boolean): number => {
    const i = candidates.jobs.length;
    candidates.jobs.push((headOf(cursor) ?? never()).job);
    candidates.source.push(cursor.source);
    candidates.level.push(cursor.level);
    candidates.starved.push(isStarved ? 1 : 0);
    advance(cursor, context);
    return i;
  };

  for (let level = topLevel(cursors); level !== undefined; level = topLevel(cursors)) {
    const starvedHere = starved.filter((cursor) => cursor.level === level && headOf(cursor));
    starvedHere.sort((a, b) => (headBefore(a, b) ? -1 : 1));
    let waitingAhead = 0;
    for (const cursor of starvedHere) {
      starved.splice(starved.indexOf(cursor), 1);
      const admitted = visit(take(cursor, true), waitingAhead);
      if (admitted === 'stop') return;
      if (!admitted) waitingAhead++;
    }
    waitingAhead = 0;
    if (
      visitLevel(
        level,
        bySource,
        shareOf,
        (cursor) => visit(take(cursor, false), waitingAhead),
        () => waitingAhead++,
      )
    )
      return;
  }
}

/** One level's jobs that are not starved, by fair share between sources. Returns true on 'stop'. */
function visitLevel(
  level: number,
  bySource: readonly BucketCursor[][],
  shareOf: (source: number) => number,
  visitHead: (cursor: BucketCursor) => boolean | 'stop',
  heldBack: () => void,
): boolean {
  const bestAt = (source: number): BucketCursor | undefined => {
    let best: BucketCursor | undefined;
    for (const cursor of bySource[source] ?? [])
      if (headOf(cursor) && cursor.level === level && (!best || headBefore(cursor, best))) best = cursor;
    return best;
  };
  const sources: number[] = [];
  for (let source = 0; source < bySource.length; source++) if (bestAt(source)) sources.push(source);
  // Source indices follow name order: a full tie-break between equal shares.
  const heap = minHeap(sources, (a, b) => shareOf(a) < shareOf(b) || (shareOf(a) === shareOf(b) && a < b));
  while (heap.size > 0) {
    const source = heap.peek() ?? 0;
    const cursor = bestAt(source);
    if (!cursor) {
      heap.pop();
      continue;
    }
    const admitted = visitHead(cursor);
    if (admitted === 'stop') return true;
    if (!admitted) heldBack();
    if (!bestAt(source)) heap.pop();
    else if (admitted) heap.topIncreased();
  }
  return false;
}

/** Per source, the cursor whose head is its longest-waiting job past its aging bound, if any. */
function sourcesOldestStarved(bySource: readonly BucketCursor[][]): BucketCursor[] {
  const chosen: BucketCursor[] = [];
  for (const cursors of bySource) {
    let oldest: BucketCursor | undefined;
    for (const cursor of cursors)
      if (headStarved(cursor) && (!oldest || headBefore(cursor, oldest))) oldest = cursor;
    if (oldest) chosen.push(oldest);
  }
  return chosen;
}

function topLevel(cursors: readonly BucketCursor[]): number | undefined {
  let top: number | undefined;
  for (const cursor of cursors)
    if (headOf(cursor) && (top === undefined || cursor.level > top)) top = cursor.level;
  return top;
}

function never(): never {
  throw new Error('a cursor without a head was taken');
}
