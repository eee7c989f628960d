import type { Backend } from '../vocabulary';
import {
  addResources,
  maxResources,
  minLimits,
  type ResourceVector,
} from '../resources/resourceVector';

export interface PoolState {
  registered: boolean;
  poolId: string;
  backend?: Backend;
  capacity: ResourceVector;
  quotas: ResourceVector;
  cohort?: string;
  lendingLimit?: ResourceVector;
  /** Sum of live reservations made by admissions. */
  reserved: ResourceVector;
  /** Live reservations by job, so a release frees exactly what was reserved. */
  reservations: Record<string, ResourceVector>;
  /** Last usage the backend reported (may include work Sluice did not start). */
  observed: ResourceVector;
}

export const initialPoolState = (poolId = ''): PoolState => ({
  registered: false,
  poolId,
  capacity: {},
  quotas: {},
  reserved: {},
  reservations: {},
  observed: {},
});

/** The hard ceiling per dimension: the tighter of nominal capacity and quota. */
export function poolLimit(state: Pick<PoolState, 'capacity' | 'quotas'>): ResourceVector {
  return minLimits(state.capacity, state.quotas);
}

/** What counts as used when deciding whether more fits: the larger of reserved and observed. */
export function poolInUse(state: Pick<PoolState, 'reserved' | 'observed'>): ResourceVector {
  return maxResources(state.reserved, state.observed);
}

export function withReservation(reserved: ResourceVector, demand: ResourceVector): ResourceVector {
  return addResources(reserved, demand);
}
