import { DIMENSIONS, type Dimension, type ResourceVector } from './domain';

/**
 * The cycle works on fixed-length arrays indexed like DIMENSIONS rather than on partial objects:
 * it compares vectors hundreds of thousands of times and the object form would allocate each time.
 */
export const DIMENSION_COUNT = DIMENSIONS.length;

/** Amounts are floats (fractional DPUs, MiB sums); the pool aggregate compares with the same tolerance. */
export const EPSILON = 1e-9;

/** A vector as an array; a missing dimension reads as `missing` (0 for a demand, Infinity for a limit). */
export function toArray(vector: ResourceVector, missing: number): Float64Array {
  const out = new Float64Array(DIMENSION_COUNT);
  for (let d = 0; d < DIMENSION_COUNT; d++) out[d] = vector[DIMENSIONS[d] as Dimension] ?? missing;
  return out;
}

export function demandOf(vector: ResourceVector): Float64Array {
  return toArray(vector, 0);
}

/**
 * Reads a demand into a reused array: the cycle reads every queued job's demand and keeps few.
 * Named reads in DIMENSIONS order, because a keyed read per dimension costs several times more.
 */
export function readDemand(vector: ResourceVector, into: Float64Array): Float64Array {
  into[0] = vector.runs ?? 0;
  into[1] = vector.dpu ?? 0;
  into[2] = vector.vcpu ?? 0;
  into[3] = vector.memoryMiB ?? 0;
  into[4] = vector.gpu ?? 0;
  into[5] = vector.ips ?? 0;
  return into;
}

/** The named, non-zero dimensions of an array as a vector. */
export function toVector(values: Float64Array): ResourceVector | undefined {
  let out: ResourceVector | undefined;
  for (let d = 0; d < DIMENSION_COUNT; d++) {
    const value = values[d] ?? 0;
    if (value > EPSILON) (out ??= {})[DIMENSIONS[d] as Dimension] = value;
  }
  return out;
}

export function dimensionAt(index: number): Dimension {
  return DIMENSIONS[index] as Dimension;
}

/** Figures as an operator reads them: whole numbers stay whole, fractions keep three decimals. */
export function formatAmount(value: number): string {
  if (!Number.isFinite(value)) return 'unlimited';
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
}
