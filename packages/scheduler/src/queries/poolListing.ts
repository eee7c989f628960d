import { headroomOf, type DimensionHeadroom, type PoolCapacity } from '@sluice/domain';
import type { Views } from '@sluice/domain';

export interface PoolListingEntry extends Omit<PoolCapacity, 'reservations'> {
  /** Jobs holding a reservation on the pool. */
  reservedBy: number;
  headroom: DimensionHeadroom[];
}

/** Every pool with its figures per dimension; per-job reservations are summarised, not listed. */
export function poolListing(views: Views): PoolListingEntry[] {
  return Object.values(views.capacity.pools)
    .sort((a, b) => (a.poolId < b.poolId ? -1 : a.poolId > b.poolId ? 1 : 0))
    .map(poolEntryOf);
}

export function poolEntryOf(pool: PoolCapacity): PoolListingEntry {
  const { reservations, ...rest } = pool;
  return { ...rest, reservedBy: Object.keys(reservations).length, headroom: headroomOf(pool) };
}
