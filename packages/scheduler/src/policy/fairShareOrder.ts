import { minHeap } from './minHeap';
import type { QueueOrder } from './queueOrder';

/**
 * Walks the candidates class by class, highest effective level first; within a level it always
 * takes the next job of the source with the lowest share, asking again after each admission
 * since that is the only thing that changes a share. `visit` says whether the job was admitted,
 * or 'stop' when nothing more needs deciding.
 */
export function visitInFairShareOrder(
  order: QueueOrder,
  shareOf: (source: number) => number,
  visit: (candidate: number, waitingAheadInLevel: number) => boolean | 'stop',
): void {
  for (const { runs } of order.levels) {
    const cursor = runs.map((run) => run.start);
    const runShare = (r: number) => shareOf(runs[r]?.source ?? 0);
    const heap = minHeap(
      runs.map((_, r) => r),
      // Runs of one level have distinct sources, and source indices follow name order: a full tie-break.
      (a, b) =>
        runShare(a) < runShare(b) ||
        (runShare(a) === runShare(b) && (runs[a]?.source ?? 0) < (runs[b]?.source ?? 0)),
    );
    let waitingAhead = 0;
    while (heap.size > 0) {
      const r = heap.peek() ?? 0;
      const run = runs[r];
      if (!run) return;
      const at = cursor[r] ?? run.start;
      cursor[r] = at + 1;
      const admitted = visit(order.order[at] ?? 0, waitingAhead);
      if (admitted === 'stop') return;
      if (!admitted) waitingAhead++;
      if (at + 1 >= run.end) heap.pop();
      else if (admitted) heap.topIncreased();
    }
  }
}
