import type { z } from 'zod';

/** The dotted path and message of the first issue, e.g. `data.demand.dpu`: "Too small: expected >=0". */
export function formatZodIssue(error: z.ZodError, prefix?: string): { field: string; reason: string } {
  const issue = error.issues[0];
  if (!issue) return { field: prefix ?? '', reason: 'invalid' };
  const path = issue.path.map(String);
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const parts = [...(prefix ? [prefix] : []), ...path, ...(keys.length === 1 ? keys : [])];
  const reason = keys.length > 0 ? `unknown field${keys.length > 1 ? 's' : ''} ${keys.join(', ')}` : issue.message;
  return { field: parts.join('.') || '(root)', reason };
}
