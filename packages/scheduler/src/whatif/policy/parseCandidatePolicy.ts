import { sharePolicySetSchema, type SharePolicySetData } from '@sluice/domain';

export interface FieldError {
  /** Dotted path into the candidate, e.g. `shares.ingest`. */
  field: string;
  reason: string;
}

export type CandidateParse = { ok: true; policy: SharePolicySetData } | { ok: false; errors: FieldError[] };

/**
 * A candidate share policy, checked with the very schema `SharePolicySet` events are validated by,
 * so a candidate that parses here is one that could be set for real. Accepts JSON text or a parsed
 * value; every field at fault is named.
 */
export function parseCandidatePolicy(input: unknown): CandidateParse {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (error) {
      return { ok: false, errors: [{ field: '(root)', reason: `not JSON: ${(error as Error).message}` }] };
    }
  }
  const parsed = sharePolicySetSchema.safeParse(value);
  if (parsed.success) return { ok: true, policy: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const path = [...issue.path.map(String), ...(keys.length === 1 ? keys : [])].join('.');
      const reason = keys.length > 0 ? `unknown field${keys.length > 1 ? 's' : ''} ${keys.join(', ')}` : issue.message;
      return { field: path || '(root)', reason };
    }),
  };
}

/** Thrown by `whatIf` when its candidate does not parse; `errors` name the fields. */
export class CandidatePolicyError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(`invalid candidate policy: ${errors.map((e) => `${e.field}: ${e.reason}`).join('; ')}`);
    this.name = 'CandidatePolicyError';
  }
}
