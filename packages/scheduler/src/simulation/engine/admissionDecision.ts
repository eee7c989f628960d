import {
  DIMENSIONS,
  DomainError,
  amountOf,
  decideJob,
  decidePool,
  type EventInput,
  type Views,
} from '@sluice/domain';
import type { Admission } from '../../policy/snapshot';
import { queuedJobState } from '../../commands/queuedJobState';

export type AdmissionDecision = { jobEvents: EventInput[]; poolEvents: EventInput[] } | { refused: string };

/**
 * What the admission writer would append for one admission, or why the aggregates refuse it: the
 * job must be pending and list the pool, the reservation must cover its demand, and the pool
 * aggregate re-checks its limits. Later admissions of the same cycle see the earlier ones, because
 * the caller records each before deciding the next.
 */
export function decideAdmission(
  admission: Admission,
  views: Views,
  now: string,
  cycleId: string,
): AdmissionDecision {
  const queued = views.queue.pending[admission.jobId];
  const pool = views.capacity.pools[admission.poolId];
  if (!queued || !pool) return { refused: 'not pending, or the pool is unknown' };
  if (!queued.pools.includes(admission.poolId))
    return { refused: `pool ${admission.poolId} is not one the job may run on` };
  const short = DIMENSIONS.find((d) => amountOf(admission.reservation, d) < amountOf(queued.demand, d));
  if (short) return { refused: `reserves less ${short} than the job needs` };
  try {
    const jobEvents = decideJob(
      {
        type: 'AdmitJob',
        poolId: admission.poolId,
        reservation: admission.reservation,
        reason: admission.reason,
        now,
        cycleId,
        ...(admission.estimate ? { estimate: admission.estimate } : {}),
      },
      queuedJobState(queued),
    );
    const poolEvents = decidePool(
      { type: 'ReserveCapacity', jobId: admission.jobId, demand: admission.reservation },
      pool,
    );
    return { jobEvents, poolEvents };
  } catch (error) {
    if (error instanceof DomainError) return { refused: error.message };
    throw error;
  }
}
