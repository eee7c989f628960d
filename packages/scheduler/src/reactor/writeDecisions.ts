import {
  ConcurrencyError,
  DomainError,
  addResources,
  jobStreamId,
  type EventStore,
  type PoolState,
  type Views,
} from '@sluice/domain';
import { admitJob } from '../commands/admitJob';
import type { CommandContext } from '../commands/commandContext';
import { handleJobCommand } from '../commands/jobCommands';
import type { CycleResult } from '../policy/snapshot';

export interface WriteOutcome {
  admitted: string[];
  cancelled: string[];
  /** Another writer changed a stream this cycle read: the rest of the cycle is stale. */
  conflicted: boolean;
  /** Decisions the aggregates refused (a policy bug if ever non-empty): job id and why. */
  refused: { jobId: string; reason: string }[];
}

/**
 * Writes a cycle's decisions in order. Each admission is one atomic append guarded by the job and
 * pool stream versions; several admissions to one pool in a cycle chain their versions. A conflict
 * means another scheduler wrote first: the rest of the plan for that pool is stale and skipped
 * (other pools go ahead, since their guards still hold), and the caller re-plans.
 */
export async function writeDecisions(
  store: EventStore,
  result: CycleResult,
  views: Views,
  ctx: CommandContext & { cycleId: string },
): Promise<WriteOutcome> {
  const outcome: WriteOutcome = { admitted: [], cancelled: [], conflicted: false, refused: [] };
  const pools = new Map<string, { state: PoolState; version: number }>();
  const stalePools = new Set<string>();

  for (const cancellation of result.cancellations) {
    try {
      await handleJobCommand(store, cancellation.jobId, { type: 'CancelJob', reason: cancellation.reason }, ctx);
      outcome.cancelled.push(cancellation.jobId);
    } catch (error) {
      if (error instanceof ConcurrencyError) return { ...outcome, conflicted: true };
      if (!(error instanceof DomainError)) throw error;
      outcome.refused.push({ jobId: cancellation.jobId, reason: error.message });
    }
  }

  for (const admission of result.admissions) {
    const queued = views.queue.pending[admission.jobId];
    const snapshotPool = views.capacity.pools[admission.poolId];
    if (!queued || !snapshotPool) {
      outcome.refused.push({ jobId: admission.jobId, reason: 'not pending or pool unknown in the snapshot' });
      continue;
    }
    if (stalePools.has(admission.poolId)) continue;
    const pool = pools.get(admission.poolId) ?? { state: snapshotPool, version: snapshotPool.streamVersion };
    try {
      const [, reserved] = await admitJob(
        store,
        { ...admission, poolStreamVersion: pool.version },
        queued,
        pool.state,
        ctx,
        ctx.cycleId,
      );
      // Only the running total matters for the next admission's quota check; the policy admits a
      // job once, so the pool's reservation map need not be copied for every admission.
      const state = { ...pool.state, reserved: addResources(pool.state.reserved, admission.reservation) };
      pools.set(admission.poolId, { state, version: reserved!.nextExpectedVersion });
      outcome.admitted.push(admission.jobId);
    } catch (error) {
      if (error instanceof ConcurrencyError) {
        outcome.conflicted = true;
        // A job conflict leaves the pool's version untouched; a pool conflict makes its plan stale.
        if (error.streamId !== jobStreamId(admission.jobId)) stalePools.add(admission.poolId);
        continue;
      }
      if (!(error instanceof DomainError)) throw error;
      outcome.refused.push({ jobId: admission.jobId, reason: error.message });
    }
  }
  return outcome;
}
