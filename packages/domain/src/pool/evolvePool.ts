import type { SluiceEvent } from '../events/catalogue';
import { addResources, subtractResources } from '../resources/resourceVector';
import type { PoolState } from './poolState';

export function evolvePool(state: PoolState, event: SluiceEvent): PoolState {
  switch (event.type) {
    case 'PoolRegistered': {
      const { poolId, backend, capacity, quotas, cohort, lendingLimit } = event.data;
      // Absent, not undefined: states are JSON and must compare equal after a checkpoint round trip.
      const { cohort: _c, lendingLimit: _l, ...rest } = state;
      return {
        ...rest,
        registered: true,
        poolId,
        backend,
        capacity,
        quotas,
        ...(cohort !== undefined ? { cohort } : {}),
        ...(lendingLimit !== undefined ? { lendingLimit } : {}),
      };
    }
    case 'PoolQuotaChanged':
      return { ...state, quotas: event.data.quotas };
    case 'PoolCapacityReported':
      return { ...state, observed: event.data.observed, capacity: event.data.capacity ?? state.capacity };
    case 'CapacityReserved':
      return {
        ...state,
        reserved: addResources(state.reserved, event.data.demand),
        reservations: { ...state.reservations, [event.data.jobId]: event.data.demand },
      };
    case 'CapacityReleased': {
      const { [event.data.jobId]: released, ...rest } = state.reservations;
      return { ...state, reserved: subtractResources(state.reserved, released ?? event.data.demand), reservations: rest };
    }
    default:
      return state;
  }
}
