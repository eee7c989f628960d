import type { SchedulingPolicy } from '@sluice/scheduler';
import { easyBackfillCycle } from './easyBackfillCycle';
import { byPriorityThenArrival } from './queueHelpers';

/** Slurm's default scheduling as the field knows it: queue by class then arrival, EASY backfill. */
export const easyBackfillPolicy: SchedulingPolicy = {
  name: 'easy-backfill',
  cycle(snapshot) {
    const queue = Object.values(snapshot.queue.pending).sort(byPriorityThenArrival);
    return easyBackfillCycle(snapshot, queue, 'easy-backfill');
  },
};
