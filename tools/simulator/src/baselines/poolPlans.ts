import { availabilityProfile, type AvailabilityProfile } from './availabilityProfile';
import type { PoolRoom } from './poolRooms';
import { amountsOf, DIMENSION_COUNT, fitsAmounts } from './resourceAmounts';
import type { Release } from './runningReleases';

/** Every pool's availability profile for one cycle, and its limit to tell what it could ever hold. */
export interface PoolPlans {
  of(poolId: string): AvailabilityProfile | undefined;
  /** Whether the demand fits the pool at all once it is empty: if not, planning it there is pointless. */
  canEverHold(poolId: string, demand: Float64Array): boolean;
}

/**
 * Built from the rooms before the cycle admits anything: from then on a planner holds each
 * admission on the profile itself, so what is free now is never counted twice.
 */
export function poolPlans(
  rooms: ReadonlyMap<string, PoolRoom>,
  releases: ReadonlyMap<string, readonly Release[]>,
  nowMs: number,
): PoolPlans {
  const profiles = new Map<string, AvailabilityProfile>();
  const limits = new Map<string, Float64Array>();
  for (const room of rooms.values()) {
    const limit = amountsOf(room.limit, Infinity);
    const used = amountsOf(room.used);
    const free = new Float64Array(DIMENSION_COUNT);
    for (let d = 0; d < DIMENSION_COUNT; d++) free[d] = limit[d]! - used[d]!;
    limits.set(room.poolId, limit);
    profiles.set(room.poolId, availabilityProfile(nowMs, free, releases.get(room.poolId) ?? []));
  }
  return {
    of: (poolId) => profiles.get(poolId),
    canEverHold(poolId, demand) {
      const limit = limits.get(poolId);
      return limit !== undefined && fitsAmounts(limit, demand);
    },
  };
}
