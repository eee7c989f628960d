import { DIMENSIONS, minLimits, type ResourceVector } from '@sluice/domain';
import { jainIndex } from '../metrics/jainIndex';
import type { SimPool } from '../workload/workload';

export interface ContentionFairnessReport {
  /** Time-weighted Jain index over contended pool-seconds; undefined when nothing was ever contended. */
  jain: number | undefined;
  /** Pool-seconds during which two or more sources had jobs waiting for the pool. */
  contendedSeconds: number;
}

interface SourceOnPool {
  waiting: number;
  held: Float64Array;
}

/**
 * Fairness where it matters: on each pool, at each instant when at least two sources have jobs
 * waiting for it, Jain's index over those sources of (dominant share of the pool they hold) /
 * weight. Over the whole run every policy finishes the same work, so whole-run usage per source is
 * the same for all of them; only who gets the pool while several want it tells policies apart.
 * Sources that are not waiting are left out: holding less than a share is fine when you asked for less.
 */
export function contentionFairness(pools: readonly SimPool[], weightOf: (source: string) => number) {
  const n = DIMENSIONS.length;
  const limits = new Map(
    pools.map((p) => {
      const limit = minLimits(p.capacity, p.quotas);
      return [p.poolId, Float64Array.from(DIMENSIONS, (d) => limit[d] ?? Infinity)];
    }),
  );
  const perPool = new Map(pools.map((p) => [p.poolId, new Map<string, SourceOnPool>()]));
  let weighted = 0;
  let contended = 0;

  const entry = (poolId: string, source: string): SourceOnPool | undefined => {
    const sources = perPool.get(poolId);
    if (!sources) return undefined;
    let found = sources.get(source);
    if (!found) sources.set(source, (found = { waiting: 0, held: new Float64Array(n) }));
    return found;
  };
  const hold = (poolId: string, source: string, demand: ResourceVector, sign: 1 | -1) => {
    const e = entry(poolId, source);
    if (!e) return;
    for (let d = 0; d < n; d++) e.held[d] = (e.held[d] ?? 0) + sign * (demand[DIMENSIONS[d]!] ?? 0);
  };
  const dominantShare = (held: Float64Array, limit: Float64Array) => {
    let share = 0;
    for (let d = 0; d < n; d++) {
      const max = limit[d] ?? Infinity;
      if (max !== Infinity && max > 0) share = Math.max(share, (held[d] ?? 0) / max);
    }
    return share;
  };

  return {
    queued(source: string, poolIds: readonly string[]): void {
      for (const poolId of poolIds) {
        const e = entry(poolId, source);
        if (e) e.waiting += 1;
      }
    },
    /** The job left the queue: admitted to `poolId`, or cancelled when undefined. */
    dequeued(
      source: string,
      poolIds: readonly string[],
      poolId: string | undefined,
      demand: ResourceVector,
    ): void {
      for (const listed of poolIds) {
        const e = entry(listed, source);
        if (e) e.waiting -= 1;
      }
      if (poolId !== undefined) hold(poolId, source, demand, 1);
    },
    finished(source: string, poolId: string, demand: ResourceVector): void {
      hold(poolId, source, demand, -1);
    },
    elapse(dt: number): void {
      if (dt <= 0) return;
      for (const [poolId, sources] of perPool) {
        const limit = limits.get(poolId) as Float64Array;
        const shares: number[] = [];
        for (const [source, e] of sources) {
          if (e.waiting > 0) shares.push(dominantShare(e.held, limit) / weightOf(source));
        }
        if (shares.length < 2) continue;
        const index = jainIndex(shares);
        if (index === undefined) continue;
        weighted += index * dt;
        contended += dt;
      }
    },
    report(): ContentionFairnessReport {
      return { jain: contended > 0 ? weighted / contended : undefined, contendedSeconds: contended };
    },
  };
}
