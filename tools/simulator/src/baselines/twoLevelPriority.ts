import type { Admission, SchedulingPolicy } from '@sluice/scheduler';
import { admissionOf, byArrival, readyToRun, pendingReasons } from './queueHelpers';
import { bookIn, firstRoomThatFits, poolRooms } from './poolRooms';
import { DEFAULT_RUN_CAP } from './runCap';

export interface TwoLevelPriorityOptions {
  /** Most jobs running at once across all pools, as the consumer's concurrency setting caps it. */
  runCap?: number;
  /** Classes sent to the HIGH queue; every other class goes to LOW. */
  highClasses?: readonly string[];
}

const DEFAULT_HIGH_CLASSES = ['critical', 'high'];

/**
 * Two SQS queues, HIGH and LOW, drained HIGH first by a consumer with a global cap on concurrent
 * runs. Each message goes to the first pool of the job that has room; one that does not fit goes
 * back to its queue and the consumer reads on, so nothing blocks the head, but nothing is fair
 * either, and the cap holds back work the pools could take.
 */
export function twoLevelPriorityPolicy(options: TwoLevelPriorityOptions = {}): SchedulingPolicy {
  const runCap = options.runCap ?? DEFAULT_RUN_CAP;
  const high = new Set(options.highClasses ?? DEFAULT_HIGH_CLASSES);
  return {
    name: 'two-level-priority',
    cycle(snapshot) {
      const nowMs = Date.parse(snapshot.now);
      const rooms = poolRooms(snapshot.capacity);
      const admissions: Admission[] = [];
      const pending = pendingReasons();
      const queue = Object.values(snapshot.queue.pending).sort(byArrival);
      const drainOrder = [
        ...queue.filter((job) => high.has(job.priorityClass)),
        ...queue.filter((job) => !high.has(job.priorityClass)),
      ];
      let running = Object.keys(snapshot.queue.inFlight).length;
      for (const job of drainOrder) {
        if (running >= runCap) {
          pending.add(job.jobId, 'run-cap', `${running} of ${runCap} runs in use`);
          break;
        }
        const room = readyToRun(job, snapshot, nowMs) ? firstRoomThatFits(job, rooms) : undefined;
        if (!room) {
          pending.add(job.jobId, 'capacity', `none of ${job.pools.join(', ')} can take it now`);
          continue;
        }
        bookIn(room, job.demand);
        admissions.push(
          admissionOf(job, room, `two-level: ${high.has(job.priorityClass) ? 'HIGH' : 'LOW'} queue, fits`),
        );
        running += 1;
      }
      return { admissions, pending: pending.list, cancellations: [] };
    },
  };
}
