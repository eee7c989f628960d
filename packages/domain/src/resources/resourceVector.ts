import { z } from 'zod';

import { DIMENSIONS, type Dimension } from '../vocabulary';

const amount = z.number().finite().nonnegative();

/**
 * A partial vector over the dimensions. In a demand a missing dimension means zero; in a capacity
 * or a quota it means unlimited. Unknown dimensions are rejected so a typo never silently means "free".
 */
export const resourceVectorSchema = z.strictObject({
  runs: amount.optional(),
  dpu: amount.optional(),
  vcpu: amount.optional(),
  memoryMiB: amount.optional(),
  gpu: amount.optional(),
  ips: amount.optional(),
});
export type ResourceVector = z.infer<typeof resourceVectorSchema>;

export function amountOf(vector: ResourceVector, dimension: Dimension): number {
  return vector[dimension] ?? 0;
}

/** The limit a capacity or quota puts on a dimension; `Infinity` where it names none. */
export function limitOf(vector: ResourceVector, dimension: Dimension): number {
  return vector[dimension] ?? Number.POSITIVE_INFINITY;
}

function combine(a: ResourceVector, b: ResourceVector, op: (x: number, y: number) => number): ResourceVector {
  const out: ResourceVector = {};
  for (const d of DIMENSIONS) {
    if (a[d] === undefined && b[d] === undefined) continue;
    out[d] = op(a[d] ?? 0, b[d] ?? 0);
  }
  return out;
}

export function addResources(a: ResourceVector, b: ResourceVector): ResourceVector {
  return combine(a, b, (x, y) => x + y);
}

/** Subtracts, flooring at zero: releases never drive usage negative. */
export function subtractResources(a: ResourceVector, b: ResourceVector): ResourceVector {
  return combine(a, b, (x, y) => Math.max(0, roundAmount(x - y)));
}

export function scaleResources(a: ResourceVector, factor: number): ResourceVector {
  const out: ResourceVector = {};
  for (const d of DIMENSIONS) if (a[d] !== undefined) out[d] = (a[d] ?? 0) * factor;
  return out;
}

export function maxResources(a: ResourceVector, b: ResourceVector): ResourceVector {
  return combine(a, b, (x, y) => Math.max(x, y));
}

/** The tightest of two limits per dimension (capacity vs quota). Missing on both sides stays unlimited. */
export function minLimits(a: ResourceVector, b: ResourceVector): ResourceVector {
  const out: ResourceVector = {};
  for (const d of DIMENSIONS) {
    const limit = Math.min(limitOf(a, d), limitOf(b, d));
    if (Number.isFinite(limit)) out[d] = limit;
  }
  return out;
}

export function isZero(v: ResourceVector): boolean {
  return DIMENSIONS.every((d) => amountOf(v, d) === 0);
}

/** The first dimension on which `used + demand` would pass `limit`, or undefined when it fits. */
export function firstExceededDimension(
  used: ResourceVector,
  demand: ResourceVector,
  limit: ResourceVector,
): Dimension | undefined {
  return DIMENSIONS.find((d) => amountOf(demand, d) > 0 && amountOf(used, d) + amountOf(demand, d) > limitOf(limit, d) + EPSILON);
}

// Fractional DPUs (0.0625) and MiB sums accumulate float error; compare and store with a tolerance.
const EPSILON = 1e-9;

function roundAmount(x: number): number {
  return Math.abs(x) < EPSILON ? 0 : x;
}
