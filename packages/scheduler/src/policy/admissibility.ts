import type { Backend, PoolCapacity, ResourceVector } from './domain';
import { everLimitOn, neverFitsOn } from './fit';
import { poolLedgers } from './poolLedger';
import { demandOf, dimensionAt, formatAmount } from './vectors';

/** One reason a job could never run as submitted, named by the field to change. */
export interface AdmissibilityProblem {
  field: string;
  reason: string;
}

export interface AdmissibilityOptions {
  /**
   * Accept pools that are not registered yet: a pipeline may publish jobs before its pool is
   * declared. Such a job waits, with the reason, until the pool appears.
   */
  waitForPools?: boolean;
  /** `pools` is every registered pool (a capacity view), so a refusal may list them. */
  complete?: boolean;
}

interface SubmittedShape {
  demand: ResourceVector;
  backend: Backend;
  pools: readonly string[];
}

const MAX_LISTED = 8;
const listed = (names: string[]) =>
  names.length === 0
    ? 'none is registered'
    : `registered: ${names.slice(0, MAX_LISTED).join(', ')}${names.length > MAX_LISTED ? ', …' : ''}`;

/**
 * Whether a job could ever be admitted on the pools it names, as Slurm refuses a job for an
 * unknown partition or one beyond the partition's limits at submission: every listed pool must
 * exist (unless the caller waits for it) and run the job's backend, the demand must name at least
 * one resource, and at least one pool must be able to hold the demand when empty (its quota, and
 * its capacity plus what its cohort could ever lend; a limit of 0 pauses rather than refuses).
 * Pure: the pools come from the capacity view.
 */
export function admissibilityProblems(
  job: SubmittedShape,
  pools: Record<string, PoolCapacity>,
  options: AdmissibilityOptions = {},
): AdmissibilityProblem[] {
  const problems: AdmissibilityProblem[] = [];
  if (!Object.values(job.demand).some((amount) => amount !== undefined && amount > 0)) {
    problems.push({
      field: 'demand',
      reason: 'names no resource: a job holds at least one, e.g. {"runs":1}',
    });
  }
  const ledgers = poolLedgers(pools);
  const registered = [...ledgers.keys()];
  const candidates = job.pools.flatMap((poolId, i) => {
    const pool = ledgers.get(poolId);
    if (!pool) {
      if (!options.waitForPools)
        problems.push({
          field: `pools.${i}`,
          reason: `no pool ${poolId} is registered${options.complete ? ` (${listed(registered)})` : ''}; send waitForPools to queue for it anyway`,
        });
      return [];
    }
    const backend = pools[poolId]?.backend;
    if (backend !== undefined && backend !== job.backend) {
      problems.push({ field: `pools.${i}`, reason: `pool ${poolId} runs ${backend} jobs, not ${job.backend}` });
      return [];
    }
    return [pool];
  });
  if (candidates.length === 0) return problems;
  const demand = demandOf(job.demand);
  const neverFits = (pool: (typeof candidates)[number]) => {
    const d = neverFitsOn(pool, demand);
    return d !== undefined && everLimitOn(pool, d) > 0;
  };
  if (!candidates.every(neverFits)) return problems;
  // No listed pool could ever hold it: name each dimension that is too large for all of them.
  const before = problems.length;
  for (let d = 0; d < demand.length; d++) {
    const amount = demand[d] ?? 0;
    const limits = candidates.map((pool) => ({ poolId: pool.poolId, limit: everLimitOn(pool, d) }));
    // A limit of 0 is a pool paused on that dimension (drained, or capacity not yet reported): the
    // job waits for it rather than being refused.
    if (limits.every(({ limit }) => amount > limit && limit > 0)) {
      const shown = limits.map(({ poolId, limit }) => `${poolId} ${formatAmount(limit)}`).join(', ');
      problems.push({
        field: `demand.${dimensionAt(d)}`,
        reason: `${formatAmount(amount)} is more than any of its pools can ever hold (${shown})`,
      });
    }
  }
  if (problems.length === before) {
    const shortOf = candidates.map((pool) => `${pool.poolId} lacks ${dimensionAt(neverFitsOn(pool, demand)!)}`);
    problems.push({ field: 'demand', reason: `fits none of its pools, even empty: ${shortOf.join(', ')}` });
  }
  return problems;
}
