import { everLimitOn, firstShortDimension, headroomOn, neverFitsOn } from './fit';
import type { PoolLedger } from './ledgers';
import { dimensionAt, formatAmount } from './vectors';

export interface Shortfall {
  code: 'quota' | 'capacity';
  /** "pool glue-prod: runs 50/50, needs 1". */
  text: string;
}

/**
 * Says why a demand does not fit a pool. Once the pools fill, tens of thousands of waiting jobs
 * share a handful of pool states and demands, so each text is built once per pool state (its
 * version) and shared: building and collecting 100k copies cost more than the decisions.
 */
export function shortfallWriter(): (pool: PoolLedger, demand: Float64Array) => Shortfall {
  const cache = new Map<PoolLedger, { version: number; byDimension: Map<number, Map<number, Shortfall>> }>();
  return (pool, demand) => {
    const never = neverFitsOn(pool, demand);
    const d = never ?? firstShortDimension(pool, demand) ?? 0;
    const key = never === undefined ? d : d + 100;
    let entry = cache.get(pool);
    if (!entry || entry.version !== pool.version) {
      entry = { version: pool.version, byDimension: new Map() };
      cache.set(pool, entry);
    }
    let byAmount = entry.byDimension.get(key);
    if (!byAmount) entry.byDimension.set(key, (byAmount = new Map()));
    const amount = demand[d] ?? 0;
    let shortfall = byAmount.get(amount);
    if (!shortfall) byAmount.set(amount, (shortfall = describe(pool, d, amount, never !== undefined)));
    return shortfall;
  };
}

function describe(pool: PoolLedger, d: number, amount: number, never: boolean): Shortfall {
  if (never) {
    const limit = everLimitOn(pool, d);
    return {
      code: boundByQuota(pool, d, limit) ? 'quota' : 'capacity',
      text: `pool ${pool.poolId}: needs ${dimensionAt(d)} ${formatAmount(amount)}, more than its limit ${formatAmount(limit)}`,
    };
  }
  const used = pool.used[d] ?? 0;
  const needs = `needs ${formatAmount(amount)}`;
  const quotaRoom = (pool.quota[d] ?? Infinity) - used;
  if (pool.cohort && (pool.own[d] ?? Infinity) !== Infinity && quotaRoom >= amount) {
    return {
      code: 'capacity',
      text:
        `pool ${pool.poolId}: ${dimensionAt(d)} ${formatAmount(used)}/${formatAmount(pool.own[d] ?? 0)}, ${needs}, ` +
        `${formatAmount(headroomOn(pool, d))} free counting what cohort ${pool.cohort.id} lends`,
    };
  }
  const limit = pool.cohort ? (pool.quota[d] ?? Infinity) : (pool.own[d] ?? Infinity);
  return {
    code: boundByQuota(pool, d, limit) ? 'quota' : 'capacity',
    text: `pool ${pool.poolId}: ${dimensionAt(d)} ${formatAmount(used)}/${formatAmount(limit)}, ${needs}`,
  };
}

function boundByQuota(pool: PoolLedger, d: number, limit: number): boolean {
  return (pool.quota[d] ?? Infinity) <= limit;
}
