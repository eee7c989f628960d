import type { QueuedJob } from '@sluice/domain';
import type { PoolPlans } from './poolPlans';
import { fitsAmounts } from './resourceAmounts';

/**
 * How far down the planned queue a pool still matters this cycle. Planning a job on a pool only
 * changes what starts now through later jobs that could start there now, and what is free there
 * now only shrinks as the cycle goes on; so past the last job that fits it now, nothing planned on
 * the pool can change a decision. A job that may go to several pools keeps each of them in play
 * up to it, since where it lands depends on all of their plans. In a saturated queue most pools
 * are full now, and this is what keeps conservative planning cheap.
 */
export interface StartableHorizon {
  /** Index of the last planned job that could still start now on the pool, -1 when none. */
  lastOn(poolId: string): number;
  /** Something took the pool's free capacity now: look again. */
  shrunk(poolId: string): void;
  /** The largest of lastOn over all pools. */
  last(): number;
}

export function startableHorizon(
  jobs: readonly QueuedJob[],
  demands: readonly Float64Array[],
  plans: PoolPlans,
  poolIds: Iterable<string>,
  nowMs: number,
): StartableHorizon {
  const lastIndex = new Map<string, number>();
  const scan = (poolId: string, from: number) => {
    const freeNow = plans.of(poolId)?.freeAt(nowMs);
    let index = from;
    for (; index >= 0; index--) {
      const job = jobs[index]!;
      if (!job.pools.includes(poolId)) continue;
      if (job.pools.length > 1 || (freeNow && fitsAmounts(freeNow, demands[index]!))) break;
    }
    lastIndex.set(poolId, index);
  };
  for (const poolId of poolIds) scan(poolId, jobs.length - 1);
  return {
    lastOn: (poolId) => lastIndex.get(poolId) ?? -1,
    shrunk(poolId) {
      const index = lastIndex.get(poolId) ?? -1;
      if (index >= 0) scan(poolId, index);
    },
    last: () => Math.max(-1, ...lastIndex.values()),
  };
}
