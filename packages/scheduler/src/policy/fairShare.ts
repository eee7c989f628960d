import { usageAt, weightOf, type SharePolicySetData, type SourceUsage } from './domain';
import type { PoolLedger } from './ledgers';
import { DIMENSION_COUNT, toArray } from './vectors';

/*
 * Weighted fair share between sources: dominant resource fairness over decayed usage. A source's
 * usage per dimension is its decayed resource-seconds projected a short horizon ahead, counting
 * its running demand (this cycle's admissions included) as still running then, as a rate:
 *
 *   usage_d = ln2 / halfLife * usageAt(source, now + H).decayed_d
 *           = rate now_d * 2^(-H/halfLife) + running_d * (1 - 2^(-H/halfLife)),   H = halfLife / 16
 *
 * Its share is the dominant one, max_d usage_d / total_d over the dimensions some pool limits
 * (total_d = the pools' own limits added up), divided by the source's weight. Within an effective
 * class the source with the lowest share goes next, and each admission raises its source's share
 * at once, so one cycle interleaves sources by weight instead of serving one.
 *
 * Why a short horizon: counting running demand at full weight lets its momentary ups and downs
 * (a source with few slots swings from 0 to 1 job) outweigh the history, and shares then settle
 * 10-15% off the weights; leaving it out lets one cycle hand every slot to whoever is behind.
 * Looking 1/16 of a half-life ahead keeps history in charge, so under contention each source's
 * usage converges to its weight's fraction, while admissions in one cycle still count.
 */

/** How far ahead usage is projected, in half-lives. */
export const SHARE_HORIZON_HALF_LIVES = 1 / 16;

export interface SourceAccount {
  readonly name: string;
  readonly weight: number;
  readonly usage: Float64Array;
  /** What one unit of newly running demand adds to `usage` at the horizon. */
  readonly runningWeight: number;
  /** Dominant share divided by weight: the lower, the sooner the source's next job. */
  share: number;
}

/** Per dimension, the pools' own limits added up; 0 where no pool limits it (such dimensions do not count). */
export function capacityTotals(pools: Iterable<PoolLedger>): Float64Array {
  const totals = new Float64Array(DIMENSION_COUNT);
  for (const pool of pools) {
    for (let d = 0; d < DIMENSION_COUNT; d++) {
      const own = pool.own[d] ?? Infinity;
      if (own !== Infinity) totals[d] = (totals[d] ?? 0) + own;
    }
  }
  return totals;
}

export function dominantShare(usage: Float64Array, totals: Float64Array): number {
  let share = 0;
  for (let d = 0; d < DIMENSION_COUNT; d++) {
    const total = totals[d] ?? 0;
    if (total > 0) share = Math.max(share, (usage[d] ?? 0) / total);
  }
  return share;
}

export function sourceAccount(
  name: string,
  usage: SourceUsage | undefined,
  halfLifeSeconds: number,
  policy: SharePolicySetData,
  nowMs: number,
  totals: Float64Array,
): SourceAccount {
  const horizonSeconds = halfLifeSeconds * SHARE_HORIZON_HALF_LIVES;
  const rate = Math.LN2 / halfLifeSeconds;
  const vector = new Float64Array(DIMENSION_COUNT);
  if (usage) {
    const projected = toArray(usageAt(usage, halfLifeSeconds, nowMs + horizonSeconds * 1000).decayed, 0);
    for (let d = 0; d < DIMENSION_COUNT; d++) vector[d] = rate * (projected[d] ?? 0);
  }
  const weight = weightOf(policy, name);
  return {
    name,
    weight,
    usage: vector,
    runningWeight: 1 - 2 ** -SHARE_HORIZON_HALF_LIVES,
    share: dominantShare(vector, totals) / weight,
  };
}

/** Counts an admission toward its source at once, so one cycle does not hand everything to one source. */
export function chargeAdmission(account: SourceAccount, demand: Float64Array, totals: Float64Array): void {
  for (let d = 0; d < DIMENSION_COUNT; d++) {
    account.usage[d] = (account.usage[d] ?? 0) + account.runningWeight * (demand[d] ?? 0);
  }
  account.share = dominantShare(account.usage, totals) / account.weight;
}

/** The dimension where the demand weighs most against the total capacity: what best fit packs on. */
export function dominantDimension(demand: Float64Array, totals: Float64Array): number {
  let best = -1;
  let bestShare = -1;
  for (let d = 0; d < DIMENSION_COUNT; d++) {
    const total = totals[d] ?? 0;
    const amount = demand[d] ?? 0;
    if (total > 0 && amount > 0 && amount / total > bestShare) {
      best = d;
      bestShare = amount / total;
    }
  }
  if (best >= 0) return best;
  for (let d = 0; d < DIMENSION_COUNT; d++) if ((demand[d] ?? 0) > 0) return d;
  return 0;
}
