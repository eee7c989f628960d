import { compareQueued, type QueueViewState } from '@sluice/domain';

/**
 * 1-based place in the queue, counted rather than sorted: one pass without allocating, since it
 * runs on every submission and the queue can hold many thousands of jobs.
 */
export function queuePositionOf(queue: QueueViewState, jobId: string): number | undefined {
  const job = queue.pending[jobId];
  if (!job) return undefined;
  let ahead = 0;
  for (const otherId in queue.pending) {
    const other = queue.pending[otherId]!;
    if (other !== job && compareQueued(other, job) < 0) ahead += 1;
  }
  return ahead + 1;
}
