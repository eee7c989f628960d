import type { Admission, SchedulingPolicy } from '@sluice/scheduler';
import { admissionOf, byPriorityThenArrival, readyToRun, pendingReasons } from './queueHelpers';
import { bookIn, firstRoomThatFits, poolRooms } from './poolRooms';

/**
 * Strict multi-level priority with first fit, as a job-queue-manager Lambda does it: every cycle
 * walks the queue by class then arrival and starts every job that fits anywhere. Small jobs slip
 * past a large one that waits, so large jobs can starve; sources get whatever arrival order gives them.
 */
export const multiLevelFirstFitPolicy: SchedulingPolicy = {
  name: 'multi-level-first-fit',
  cycle(snapshot) {
    const nowMs = Date.parse(snapshot.now);
    const rooms = poolRooms(snapshot.capacity);
    const admissions: Admission[] = [];
    const pending = pendingReasons();
    for (const job of Object.values(snapshot.queue.pending).sort(byPriorityThenArrival)) {
      const room = readyToRun(job, snapshot, nowMs) ? firstRoomThatFits(job, rooms) : undefined;
      if (!room) {
        pending.add(job.jobId, 'capacity', `none of ${job.pools.join(', ')} can take it now`);
        continue;
      }
      bookIn(room, job.demand);
      admissions.push(admissionOf(job, room, `multi-level first fit: class ${job.priorityClass}, fits`));
    }
    return { admissions, pending: pending.list, cancellations: [] };
  },
};
