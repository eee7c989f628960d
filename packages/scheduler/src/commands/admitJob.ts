import {
  decideJob,
  decidePool,
  jobStreamId,
  poolStreamId,
  type AppendResult,
  type EventStore,
  type PoolState,
  type QueuedJob,
} from '@sluice/domain';
import type { Admission } from '../policy/snapshot';
import { toNewEvents, type CommandContext } from './commandContext';
import { queuedJobState } from './queuedJobState';

/**
 * Writes one admission: `JobAdmitted` on the job stream and `CapacityReserved` on the pool stream in
 * one atomic append, each guarded by the version the decision was made against. The pool
 * aggregate re-checks the quota on the state at that version, so a racing scheduler that reserved
 * first makes this append fail with a ConcurrencyError instead of passing the quota.
 */
export async function admitJob(
  store: EventStore,
  admission: Admission,
  queued: QueuedJob,
  pool: PoolState,
  ctx: CommandContext,
  cycleId?: string,
): Promise<AppendResult[]> {
  const admitted = decideJob(
    {
      type: 'AdmitJob',
      poolId: admission.poolId,
      reservation: admission.reservation,
      reason: admission.reason,
      now: ctx.now,
      ...(cycleId ? { cycleId } : {}),
      ...(admission.estimate ? { estimate: admission.estimate } : {}),
    },
    queuedJobState(queued),
  );
  const reserved = decidePool({ type: 'ReserveCapacity', jobId: admission.jobId, demand: admission.reservation }, pool);
  return store.appendAtomically([
    { streamId: jobStreamId(admission.jobId), expectedVersion: admission.jobStreamVersion, events: toNewEvents(admitted, ctx) },
    { streamId: poolStreamId(admission.poolId), expectedVersion: admission.poolStreamVersion, events: toNewEvents(reserved, ctx) },
  ]);
}

