import type { SchedulingPolicy } from '@sluice/scheduler';
import { admissionOf, byArrival, readyToRun, pendingReasons } from './queueHelpers';
import { bookIn, firstRoomThatFits, poolRooms } from './poolRooms';

/**
 * Strict first-in first-out over one queue for every pool: jobs are admitted in arrival order until
 * the first one that cannot start, and everything behind it waits (head-of-line blocking), even
 * jobs for other pools that have room.
 */
export const fifoPolicy: SchedulingPolicy = {
  name: 'fifo',
  cycle(snapshot) {
    const nowMs = Date.parse(snapshot.now);
    const rooms = poolRooms(snapshot.capacity);
    const admissions = [];
    const pending = pendingReasons();
    const queue = Object.values(snapshot.queue.pending).sort(byArrival);
    let head: string | undefined;
    for (const job of queue) {
      if (head !== undefined) {
        if (pending.full) break;
        pending.add(job.jobId, 'behind-head', `behind ${head}, the oldest job, which cannot start yet`);
        continue;
      }
      const room = readyToRun(job, snapshot, nowMs) ? firstRoomThatFits(job, rooms) : undefined;
      if (!room) {
        head = job.jobId;
        pending.add(job.jobId, 'capacity', `oldest job; none of ${job.pools.join(', ')} can take it now`);
        continue;
      }
      bookIn(room, job.demand);
      admissions.push(admissionOf(job, room, 'fifo: oldest waiting job, fits'));
    }
    return { admissions, pending: pending.list, cancellations: [] };
  },
};
