import { SCHEDULER_STREAM, type AdmissionCycleCompletedData, type AppendResult, type EventStore } from '@sluice/domain';
import { toNewEvents, type CommandContext } from './commandContext';

/**
 * Records what one admission cycle saw and decided, so `explain` can re-run the policy on the
 * replayed snapshot. Cycles of racing schedulers interleave on purpose: no version guard.
 */
export async function recordAdmissionCycle(
  store: EventStore,
  data: AdmissionCycleCompletedData,
  ctx: CommandContext,
): Promise<AppendResult> {
  return store.appendToStream(
    SCHEDULER_STREAM,
    toNewEvents([{ type: 'AdmissionCycleCompleted', data }], ctx),
    { expectedVersion: 'any' },
  );
}
