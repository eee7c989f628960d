import { DIMENSIONS, type ResourceVector } from '@sluice/domain';

export const DIMENSION_COUNT = DIMENSIONS.length;

// Amounts are floats (fractional DPUs, MiB sums): compare with the pool aggregate's tolerance.
export const EPSILON = 1e-9;

/**
 * A vector as an array indexed like DIMENSIONS: the backfill planners compare and subtract
 * vectors for every queued job against every step of a pool's timeline, and the object form
 * would allocate each time. A missing dimension reads as `missing` (0 for a demand, Infinity for
 * a limit).
 */
export function amountsOf(vector: ResourceVector, missing = 0): Float64Array {
  const out = new Float64Array(DIMENSION_COUNT);
  for (let d = 0; d < DIMENSION_COUNT; d++) out[d] = vector[DIMENSIONS[d]!] ?? missing;
  return out;
}

// A queued job keeps its demand object from cycle to cycle, so its array is read once, not every cycle.
const demandCache = new WeakMap<ResourceVector, Float64Array>();

/** A job's demand as an array; shared between cycles, so callers must not change it. */
export function demandAmounts(demand: ResourceVector): Float64Array {
  let amounts = demandCache.get(demand);
  if (!amounts) demandCache.set(demand, (amounts = amountsOf(demand)));
  return amounts;
}

/** Whether `demand` fits in `free`; dimensions the demand does not use are never in the way. */
export function fitsAmounts(free: Float64Array, demand: Float64Array): boolean {
  for (let d = 0; d < DIMENSION_COUNT; d++) {
    const amount = demand[d]!;
    if (amount > EPSILON && amount > free[d]! + EPSILON) return false;
  }
  return true;
}
