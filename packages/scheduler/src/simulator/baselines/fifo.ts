import type { SchedulingPolicy } from '../../policy/snapshot';
import { admissionOf, byArrival, readyToRun, waitingReasons } from './queueHelpers';
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
    const waiting = waitingReasons();
    const queue = Object.values(snapshot.queue.pending).sort(byArrival);
    let head: string | undefined;
    for (const job of queue) {
      if (head !== undefined) {
        if (waiting.full) break;
        waiting.add(job.jobId, 'behind-head', `behind ${head}, the oldest job, which cannot start yet`);
        continue;
      }
      const room = readyToRun(job, snapshot, nowMs) ? firstRoomThatFits(job, rooms) : undefined;
      if (!room) {
        head = job.jobId;
        waiting.add(job.jobId, 'capacity', `oldest job; none of ${job.pools.join(', ')} can take it now`);
        continue;
      }
      bookIn(room, job.demand);
      admissions.push(admissionOf(job, room, 'fifo: oldest waiting job, fits'));
    }
    return { admissions, waiting: waiting.list, cancellations: [] };
  },
};
