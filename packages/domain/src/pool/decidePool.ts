import { DomainError, IllegalTransitionError, QuotaExceededError } from '../errors/domainErrors';
import type { EventInput } from '../events/catalogue';
import { amountOf, firstExceededDimension, limitOf } from '../resources/resourceVector';
import type { PoolCommand } from './poolCommands';
import { poolLimit, type PoolState } from './poolState';

/**
 * The pool guards its own quota: a reservation that would pass the limit is refused here, and the
 * pool stream's expected version makes two schedulers' reservations serialize through this check.
 */
export function decidePool(command: PoolCommand, state: PoolState): EventInput[] {
  const poolId = state.poolId;
  if (command.type === 'RegisterPool') {
    // Registering again updates the definition (capacity, cohort…): pools are declared, not created once.
    return [{ type: 'PoolRegistered', data: command.data }];
  }
  if (!state.registered) throw new IllegalTransitionError(`pool ${poolId}`, 'unregistered', command.type);
  switch (command.type) {
    case 'ChangeQuota':
      return [{ type: 'PoolQuotaChanged', data: { poolId, quotas: command.quotas, ...(command.reason ? { reason: command.reason } : {}) } }];
    case 'ReportCapacity':
      return [
        {
          type: 'PoolCapacityReported',
          data: { poolId, observed: command.observed, ...(command.capacity ? { capacity: command.capacity } : {}) },
        },
      ];
    case 'ReserveCapacity': {
      if (state.reservations[command.jobId]) {
        throw new DomainError('AlreadyReserved', `pool ${poolId}: job ${command.jobId} already holds a reservation`);
      }
      // A cohort member may borrow unused capacity from its cohort, so only its hard quotas bind
      // here; how much may be borrowed is the scheduler's cohort accounting.
      const limit = state.cohort ? state.quotas : poolLimit(state);
      const exceeded = firstExceededDimension(state.reserved, command.demand, limit);
      if (exceeded) {
        throw new QuotaExceededError(
          poolId,
          exceeded,
          amountOf(state.reserved, exceeded),
          amountOf(command.demand, exceeded),
          limitOf(limit, exceeded),
        );
      }
      return [{ type: 'CapacityReserved', data: { poolId, jobId: command.jobId, demand: command.demand } }];
    }
    case 'ReleaseCapacity': {
      const demand = state.reservations[command.jobId];
      if (!demand) throw new DomainError('NotReserved', `pool ${poolId}: job ${command.jobId} holds no reservation`);
      return [{ type: 'CapacityReleased', data: { poolId, jobId: command.jobId, demand, reason: command.reason } }];
    }
  }
}
