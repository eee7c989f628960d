import type { z } from 'zod';
import type { FieldError } from './problem';

const MAX_REPORTED = 20;

/**
 * Every issue as a field error, with the path joined by dots under `prefix`. An unknown key names
 * the key itself, so `{"demand":{"dpus":1}}` reports `demand.dpus`, not `demand`.
 */
export function fieldErrorsOf(error: z.ZodError, prefix?: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const base = [...(prefix ? [prefix] : []), ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ field: [...base, key].join('.'), reason: 'unknown field' });
    } else {
      errors.push({ field: base.join('.') || '(body)', reason: issue.message });
    }
    if (errors.length >= MAX_REPORTED) break;
  }
  return errors.slice(0, MAX_REPORTED);
}
