import type { Context } from 'hono';
import { z } from '../openapi/zod';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface FieldError {
  /** Dotted path of the offending field: `demand.dpu`, `query.limit`, `header.idempotency-key`. */
  field: string;
  reason: string;
}

/** An RFC 9457 (formerly 7807) problem document, with the fields that failed when input was at fault. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export const fieldErrorSchema = z.object({ field: z.string(), reason: z.string() });
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(fieldErrorSchema).optional(),
  })
  .openapi('Problem');

/** Stable problem kinds; the `type` URI names one so clients can branch without parsing text. */
export const PROBLEM_TYPES = {
  validation: 'Request is not valid',
  malformedBody: 'Request body is not valid JSON',
  unauthenticated: 'Authentication required',
  forbidden: 'Not allowed for this API key',
  notFound: 'Not found',
  conflict: 'Conflicts with the current state',
  idempotencyConflict: 'Idempotency key reused for a different request',
  payloadTooLarge: 'Request body too large',
  unsupportedMediaType: 'Request body must be JSON',
  rateLimited: 'Too many requests',
  unavailable: 'Service unavailable',
  internal: 'Internal error',
} as const;
export type ProblemKind = keyof typeof PROBLEM_TYPES;

const STATUS_OF_KIND: Record<ProblemKind, number> = {
  validation: 400,
  malformedBody: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  idempotencyConflict: 409,
  payloadTooLarge: 413,
  unsupportedMediaType: 415,
  rateLimited: 429,
  unavailable: 503,
  internal: 500,
};

export function problemOf(kind: ProblemKind, detail?: string, errors?: FieldError[]): Problem {
  return {
    type: `urn:sluice:problem:${kind}`,
    title: PROBLEM_TYPES[kind],
    status: STATUS_OF_KIND[kind],
    ...(detail ? { detail } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** Thrown by handlers to answer with a problem; the app's error handler turns it into the response. */
export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }
}

export function fail(kind: ProblemKind, detail?: string, errors?: FieldError[]): never {
  throw new ProblemError(problemOf(kind, detail, errors));
}

export function problemResponse(
  c: Context,
  problem: Problem,
  headers: Record<string, string> = {},
): Response {
  const body: Problem = { ...problem, instance: problem.instance ?? c.req.path };
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
  });
}
