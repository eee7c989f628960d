import type { SchedulingPolicy } from '@sluice/scheduler';
import { easyBackfillCycle } from './easyBackfillCycle';
import {
  multifactorPriority,
  SLURM_MULTIFACTOR_WEIGHTS,
  type MultifactorWeights,
} from './multifactorPriority';
import { byArrival } from './queueHelpers';

/**
 * Slurm as most sites run it: priority/multifactor (age, fair share, QOS) orders the queue and
 * sched/backfill starts jobs in that order with EASY backfilling. Priorities are recomputed every
 * cycle, as Slurm recomputes them every PriorityCalcPeriod.
 */
export function slurmMultifactorPolicy(
  weights: MultifactorWeights = SLURM_MULTIFACTOR_WEIGHTS,
): SchedulingPolicy {
  return {
    name: 'slurm-multifactor',
    cycle(snapshot) {
      const priorityOf = multifactorPriority(snapshot, weights);
      const queue = Object.values(snapshot.queue.pending)
        .map((job) => ({ job, priority: priorityOf(job) }))
        .sort((a, b) => b.priority - a.priority || byArrival(a.job, b.job))
        .map(({ job }) => job);
      return easyBackfillCycle(snapshot, queue, 'slurm-multifactor');
    },
  };
}
