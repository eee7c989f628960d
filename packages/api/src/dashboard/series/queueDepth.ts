import type { JobViewState } from '@sluice/domain';
import type { TimeTable } from '../snapshotTypes';
import { stepTable } from './stepTable';

const ENQUEUES = new Set(['JobSubmitted', 'JobRetryScheduled']);
/** Leaving the queue: admitted, or ended while still waiting. */
const DEQUEUES = new Set(['JobAdmitted', 'JobCancelled', 'JobTimedOut', 'JobFailed', 'JobSucceeded']);

interface QueueStep {
  at: string;
  priorityClass: string;
  change: 1 | -1;
}

/** Queued jobs per priority class after every change, rebuilt from the job timelines. */
export function queueDepthSeries(jobs: JobViewState, maxPoints: number): TimeTable {
  const steps: QueueStep[] = [];
  for (const job of Object.values(jobs.jobs)) {
    let queued = false;
    for (const entry of job.timeline) {
      if (!queued && ENQUEUES.has(entry.type)) {
        queued = true;
        steps.push({ at: entry.at, priorityClass: job.priorityClass, change: 1 });
      } else if (queued && DEQUEUES.has(entry.type)) {
        queued = false;
        steps.push({ at: entry.at, priorityClass: job.priorityClass, change: -1 });
      }
    }
  }
  const depth = new Map<string, number>();
  return stepTable(
    steps,
    (step) => depth.set(step.priorityClass, (depth.get(step.priorityClass) ?? 0) + step.change),
    () => depth,
    maxPoints,
  );
}
