import { BackendRejectedError } from '@sluice/domain';
import type { z } from 'zod';

/** Parses a job spec or pool config; a bad one is a permanent refusal that names the field. */
export function parseBackendInput<S extends z.ZodType>(
  backend: string,
  what: string,
  schema: S,
  input: unknown,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.length ? `.${issue.path.join('.')}` : '';
  throw new BackendRejectedError(backend, `invalid ${what}${path}: ${issue?.message ?? 'rejected'}`);
}
