import type { ResourceVector } from '@sluice/domain';
import { DIMENSIONS } from '@sluice/domain/vocabulary';
import { ClientError, EXIT_USAGE } from '../client/clientError';

const usage = (message: string) => new ClientError(message, EXIT_USAGE);

export function wholeNumber(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < min || n > max)
    throw usage(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

export function positiveNumber(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw usage(`${name} must be a positive number`);
  return n;
}

/** An instant given as ISO 8601, normalised so it compares with recorded times. */
export function instant(name: string, value: string): string {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms)) throw usage(`${name} must be an ISO time, such as 2026-03-02T09:00:00Z`);
  return new Date(ms).toISOString();
}

/** `runs=1,dpu=10`: the dimensions Sluice knows, each a number of zero or more. */
export function resources(name: string, value: string): ResourceVector {
  const vector: Record<string, number> = {};
  for (const part of value.split(/[,\s]+/).filter(Boolean)) {
    const [dimension, amount, ...rest] = part.split('=');
    const n = Number(amount);
    if (!dimension || amount === undefined || rest.length > 0 || amount.trim() === '' || !Number.isFinite(n) || n < 0)
      throw usage(`${name} must look like runs=1,dpu=10 (got ${part})`);
    if (!(DIMENSIONS as readonly string[]).includes(dimension))
      throw usage(`${name}: unknown dimension ${dimension}; known are ${DIMENSIONS.join(', ')}`);
    vector[dimension] = n;
  }
  if (Object.keys(vector).length === 0) throw usage(`${name} names no resource`);
  return vector as ResourceVector;
}

export function jsonObject(name: string, value: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw usage(`${name} is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw usage(`${name} must be a JSON object`);
  return parsed as Record<string, unknown>;
}
