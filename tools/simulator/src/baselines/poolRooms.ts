import {
  DIMENSIONS,
  poolInUse,
  poolLimit,
  type CapacityViewState,
  type QueuedJob,
  type ResourceVector,
} from '@sluice/domain';
import { EPSILON } from './resourceAmounts';

/** A pool during one baseline cycle: its hard limit and what is in use, including this cycle's admissions. */
export interface PoolRoom {
  poolId: string;
  streamVersion: number;
  limit: ResourceVector;
  used: ResourceVector;
}

export function poolRooms(capacity: CapacityViewState): Map<string, PoolRoom> {
  const rooms = new Map<string, PoolRoom>();
  for (const pool of Object.values(capacity.pools)) {
    if (!pool.registered) continue;
    rooms.set(pool.poolId, {
      poolId: pool.poolId,
      streamVersion: pool.streamVersion,
      limit: poolLimit(pool),
      used: { ...poolInUse(pool) },
    });
  }
  return rooms;
}

export function fitsIn(room: PoolRoom, demand: ResourceVector): boolean {
  for (const d of DIMENSIONS) {
    const amount = demand[d] ?? 0;
    if (amount > 0 && (room.used[d] ?? 0) + amount > (room.limit[d] ?? Infinity) + EPSILON) return false;
  }
  return true;
}

export function bookIn(room: PoolRoom, demand: ResourceVector): void {
  for (const d of DIMENSIONS) {
    const amount = demand[d] ?? 0;
    if (amount > 0) room.used[d] = (room.used[d] ?? 0) + amount;
  }
}

/** The first pool the job lists that has room for it now. */
export function firstRoomThatFits(job: QueuedJob, rooms: Map<string, PoolRoom>): PoolRoom | undefined {
  for (const poolId of job.pools) {
    const room = rooms.get(poolId);
    if (room && fitsIn(room, job.demand)) return room;
  }
  return undefined;
}
