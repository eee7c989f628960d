import { initialPoolState, poolInUse, poolLimit, type PoolState } from '../pool/poolState';
import { evolvePool } from '../pool/evolvePool';
import type { StoredEvent } from '../events/envelope';
import { addResources, amountOf, limitOf, subtractResources } from '../resources/resourceVector';
import { DIMENSIONS, type Dimension } from '../vocabulary';
import type { Projection } from './projection';

export interface PoolCapacity extends PoolState {
  /** The pool stream's version, for the reservation's expected-version guard. */
  streamVersion: number;
  reportedAt?: string;
}

export interface CapacityViewState {
  pools: Record<string, PoolCapacity>;
}

export const capacityView: Projection<CapacityViewState> = {
  name: 'capacity',
  initialState: () => ({ pools: {} }),
  evolve(state, event) {
    if (!event.streamId.startsWith('pool-')) return state;
    const poolId = (event.data as { poolId: string }).poolId;
    const current = state.pools[poolId] ?? { ...initialPoolState(poolId), streamVersion: 0 };
    if (event.type === 'CapacityReserved' || event.type === 'CapacityReleased') {
      // Reservations change on every admission and release: update the accumulator in place rather
      // than copy a pool's whole reservation map each time (the aggregate's evolvePool copies).
      applyReservation(current, event);
      current.streamVersion = event.version;
      state.pools[poolId] = current;
      return state;
    }
    const next: PoolCapacity = { ...evolvePool(current, event), streamVersion: event.version };
    if (event.type === 'PoolCapacityReported') next.reportedAt = event.recordedAt;
    state.pools[poolId] = next;
    return state;
  },
};

function applyReservation(pool: PoolCapacity, event: StoredEvent): void {
  if (event.type === 'CapacityReserved') {
    pool.reserved = addResources(pool.reserved, event.data.demand);
    pool.reservations[event.data.jobId] = event.data.demand;
  } else if (event.type === 'CapacityReleased') {
    const released = pool.reservations[event.data.jobId] ?? event.data.demand;
    pool.reserved = subtractResources(pool.reserved, released);
    delete pool.reservations[event.data.jobId];
  }
}

export interface DimensionHeadroom {
  dimension: Dimension;
  /** Missing when unlimited. */
  capacity?: number;
  quota?: number;
  reserved: number;
  observed: number;
  /** The tighter of capacity and quota, minus the larger of reserved and observed. Missing when unlimited. */
  headroom?: number;
}

/** Per-dimension figures of a pool, for the dimensions it limits or uses. */
export function headroomOf(pool: PoolState): DimensionHeadroom[] {
  const limit = poolLimit(pool);
  const inUse = poolInUse(pool);
  return DIMENSIONS.filter(
    (d) =>
      pool.capacity[d] !== undefined ||
      pool.quotas[d] !== undefined ||
      amountOf(pool.reserved, d) > 0 ||
      amountOf(pool.observed, d) > 0,
  ).map((dimension) => {
    const max = limitOf(limit, dimension);
    return {
      dimension,
      ...(pool.capacity[dimension] !== undefined ? { capacity: pool.capacity[dimension] } : {}),
      ...(pool.quotas[dimension] !== undefined ? { quota: pool.quotas[dimension] } : {}),
      reserved: amountOf(pool.reserved, dimension),
      observed: amountOf(pool.observed, dimension),
      ...(Number.isFinite(max) ? { headroom: Math.max(0, max - amountOf(inUse, dimension)) } : {}),
    };
  });
}
