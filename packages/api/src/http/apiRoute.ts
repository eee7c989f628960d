import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { requiredScope } from '../auth/scopes';
import { BEARER_SCHEME } from '../openapi/apiDocument';
import { jsonBody } from './jsonBody';
import { PROBLEM_CONTENT_TYPE, problemSchema } from './problem';

type Method = 'get' | 'post' | 'put' | 'delete';

export interface ApiRouteSpec {
  method: Method;
  /** OpenAPI form: `/v1/jobs/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  /** A JSON body, read through `jsonBody(maxBodyBytes)` before it is validated. */
  body?: z.ZodType;
  maxBodyBytes?: number;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
}

/** The request parts in the form `app.openapi` infers the handler's `c.req.valid(...)` types from. */
type RouteRequest<S extends ApiRouteSpec> = (S extends { params: infer P } ? { params: P } : object) &
  (S extends { query: infer Q } ? { query: Q } : object) &
  (S extends { headers: infer H } ? { headers: H } : object) &
  (S extends { body: infer B } ? { body: { required: true; content: { 'application/json': { schema: B } } } } : object);

export type ApiRoute<S extends ApiRouteSpec> = Omit<RouteConfig, 'method' | 'path' | 'request' | 'responses' | 'middleware'> & {
  method: S['method'];
  path: S['path'];
  request: RouteRequest<S>;
  // Loosely typed on purpose: handlers answer problems with plain Responses too.
  responses: Record<number, ResponseConfig>;
  middleware: MiddlewareHandler[];
};

/**
 * One route's definition for `app.openapi(route, handler)`: the schemas hono validates with, and
 * everything the document says about the route that follows from Sluice's rules — the scope it
 * needs, its security, and the problem answers every route of its kind can give.
 */
export function apiRoute<S extends ApiRouteSpec>(spec: S): ApiRoute<S> {
  const scope = requiredScope(spec.method, spec.path.replace(/\{\w+\}/g, 'x'));
  const request = {
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { query: spec.query } : {}),
    ...(spec.headers ? { headers: spec.headers } : {}),
    ...(spec.body
      ? { body: { required: true, content: { 'application/json': { schema: spec.body } } } }
      : {}),
  } as RouteRequest<S>;
  return createRoute({
    method: spec.method,
    path: spec.path,
    operationId: spec.operationId,
    summary: spec.summary,
    description: [scope === 'public' ? 'Public.' : `Scope: \`${scope}\` (or \`admin\`).`, spec.description]
      .filter(Boolean)
      .join('\n\n'),
    tags: [spec.tag],
    ...(scope === 'public' ? {} : { security: [{ [BEARER_SCHEME]: [] }] }),
    middleware: spec.body ? jsonBody(spec.maxBodyBytes) : [],
    request,
    responses: documentedResponses(spec, scope),
  });
}

function documentedResponses(spec: ApiRouteSpec, scope: string): Record<number, ResponseConfig> {
  const problem = (description: string): ResponseConfig => ({
    description,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } },
  });
  const responses: Record<number, ResponseConfig> = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    responses[Number(status)] = response.schema
      ? { description: response.description, content: { 'application/json': { schema: response.schema } } }
      : Number(status) >= 400
        ? problem(response.description)
        : { description: response.description };
  }
  const problems: [number, string][] = [
    ...(spec.params || spec.query || spec.headers || spec.body
      ? [[400, 'Invalid input; `errors` names each field'] as [number, string]]
      : []),
    ...(scope === 'public'
      ? []
      : ([
          [401, 'No valid API key'],
          [403, `The key lacks scope ${scope}`],
          [429, 'Rate limit of the key reached'],
        ] as [number, string][])),
    ...(spec.body
      ? ([
          [413, 'Body larger than 1 MiB'],
          [415, 'Body is not application/json'],
        ] as [number, string][])
      : []),
  ];
  for (const [status, description] of problems) responses[status] ??= problem(description);
  return responses;
}
