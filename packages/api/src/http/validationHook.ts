import type { z } from 'zod';
import { fail } from './problem';
import { fieldErrorsOf } from './zodErrors';

/** How a failing field of each request part is named: `path.id`, `query.limit`, `header.x`, `demand.dpu`. */
const PREFIX_OF_TARGET: Record<string, string | undefined> = { param: 'path', query: 'query', header: 'header' };

/** What hono's zod validator hands a hook; any route's hook accepts this much. */
type ValidationResult = { target: string } & (
  | { success: true }
  | { success: false; error: z.ZodError; data?: unknown }
);
type ValidationHook = (result: ValidationResult) => undefined;

/**
 * The app's `defaultHook`: a zod failure in any request part becomes the 400 problem that names
 * every failing field of that part.
 */
export const validationHook: ValidationHook = (result) => {
  if (!result.success) failValidation(result.error, result.target);
  return undefined;
};

/**
 * A hook for a body with alternative forms: the errors come from the form `select` picks for the
 * body sent, so they speak about the form the client meant rather than about the union.
 */
export function selectedBodyHook(select: (raw: unknown) => z.ZodType): ValidationHook {
  return (result) => {
    if (result.success) return undefined;
    if (result.target !== 'json') return failValidation(result.error, result.target);
    const meant = select(result.data).safeParse(result.data);
    return failValidation(meant.success ? result.error : meant.error, result.target);
  };
}

function failValidation(error: z.ZodError, target: string): never {
  const errors = fieldErrorsOf(error, PREFIX_OF_TARGET[target]);
  return fail('validation', `${errors.length} field${errors.length > 1 ? 's are' : ' is'} not valid`, errors);
}
