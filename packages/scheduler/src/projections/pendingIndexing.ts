import type { Projection, QueueViewState } from '@sluice/domain';
import { PendingIndex } from '../policy/pendingIndex';

export interface PendingIndexing<S> {
  /** The same projection, which also tells the index of every job an event touches. */
  readonly projection: Projection<S>;
  /** The index of that state's queue: built on first use, then kept by `projection` alone. */
  indexOf(state: { queue: QueueViewState }): PendingIndex;
}

/**
 * Keeps a pending index next to a projection's queue view, so each cycle reads the queue in order
 * without sorting it. The index is derived and never saved: a state restored from a checkpoint is
 * a new queue object, which gets its own index (one sort) the first time it is asked for.
 */
export function trackPendingIndex<S extends { queue: QueueViewState }>(
  projection: Projection<S>,
): PendingIndexing<S> {
  const indexes = new WeakMap<QueueViewState, PendingIndex>();
  return {
    projection: {
      ...projection,
      evolve(state, event) {
        const next = projection.evolve(state, event);
        if (event.streamId.startsWith('job-'))
          indexes.get(next.queue)?.touched((event.data as { jobId: string }).jobId);
        return next;
      },
    },
    indexOf(state) {
      let index = indexes.get(state.queue);
      if (!index) indexes.set(state.queue, (index = new PendingIndex(state.queue)));
      return index;
    },
  };
}
