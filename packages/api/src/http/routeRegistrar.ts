import type { OpenAPIRegistry, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { ApiEnv } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import type { Principal } from '../auth/apiKeyVerifier';
import { requiredScope } from '../auth/scopes';
import { BEARER_SCHEME } from '../openapi/registry';
import { PROBLEM_CONTENT_TYPE, fail, problemSchema, type FieldError } from './problem';
import { readJsonBody } from './readJsonBody';
import { fieldErrorsOf } from './zodErrors';

type Method = 'get' | 'post' | 'put' | 'delete';
type Empty = z.ZodObject<Record<string, never>>;

export interface RouteRequest<
  P extends z.ZodType,
  Q extends z.ZodType,
  H extends z.ZodType,
  B extends z.ZodType,
> {
  params: z.output<P>;
  query: z.output<Q>;
  headers: z.output<H>;
  body: z.output<B>;
  /** Present on every route that is not public. */
  principal: Principal;
  deps: AppDeps;
  c: Context<ApiEnv>;
}

export interface RouteSpec<
  P extends z.ZodObject = Empty,
  Q extends z.ZodObject = Empty,
  H extends z.ZodObject = Empty,
  B extends z.ZodType = z.ZodUndefined,
> {
  method: Method;
  /** OpenAPI form: `/v1/jobs/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  params?: P;
  query?: Q;
  headers?: H;
  body?: B;
  /** Picks the schema a given body must meet when the body has alternative forms. */
  selectBody?: (raw: unknown) => z.ZodType<z.output<B>>;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  handle(request: RouteRequest<P, Q, H, B>): Promise<Response> | Response;
}

/**
 * Mounts a route on the app and describes it in the OpenAPI registry from the same schemas, so
 * what is validated and what is documented cannot drift apart. Path, query, header and body are
 * all checked before the handler runs, and every failing field is reported at once.
 */
export class RouteRegistrar {
  constructor(
    readonly app: Hono<ApiEnv>,
    readonly registry: OpenAPIRegistry,
    readonly deps: AppDeps,
  ) {}

  route<
    P extends z.ZodObject = Empty,
    Q extends z.ZodObject = Empty,
    H extends z.ZodObject = Empty,
    B extends z.ZodType = z.ZodUndefined,
  >(spec: RouteSpec<P, Q, H, B>): void {
    this.document(spec);
    const honoPath = spec.path.replace(/\{(\w+)\}/g, ':$1');
    this.app.on(spec.method.toUpperCase(), honoPath, async (c) => {
      const errors: FieldError[] = [];
      const params = parsePart(spec.params, c.req.param(), 'path', errors);
      const query = parsePart(spec.query, c.req.query(), 'query', errors);
      const headers = parsePart(spec.headers, c.req.header(), 'header', errors);
      let body: unknown = undefined;
      if (spec.body) {
        const raw = await readJsonBody(c.req.raw, this.deps.maxBodyBytes);
        body = parsePart(spec.selectBody?.(raw) ?? spec.body, raw, undefined, errors);
      }
      if (errors.length > 0)
        fail('validation', `${errors.length} field${errors.length > 1 ? 's are' : ' is'} not valid`, errors);
      return spec.handle({
        params: params as z.output<P>,
        query: query as z.output<Q>,
        headers: headers as z.output<H>,
        body: body as z.output<B>,
        principal: c.get('principal') as Principal,
        deps: this.deps,
        c,
      });
    });
  }

  private document(spec: RouteSpec<z.ZodObject, z.ZodObject, z.ZodObject, z.ZodType>): void {
    const scope = requiredScope(spec.method, spec.path.replace(/\{\w+\}/g, 'x'));
    const responses: Record<number, ResponseConfig> = {};
    for (const [status, response] of Object.entries(spec.responses)) {
      responses[Number(status)] = {
        description: response.description,
        ...(response.schema
          ? { content: { 'application/json': { schema: response.schema } } }
          : Number(status) >= 400
            ? { content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } } }
            : {}),
      };
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
    for (const [status, description] of problems) {
      responses[Number(status)] ??= {
        description,
        content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } },
      };
    }
    this.registry.registerPath({
      method: spec.method,
      path: spec.path,
      operationId: spec.operationId,
      summary: spec.summary,
      description: [scope === 'public' ? 'Public.' : `Scope: \`${scope}\` (or \`admin\`).`, spec.description]
        .filter(Boolean)
        .join('\n\n'),
      tags: [spec.tag],
      ...(scope === 'public' ? {} : { security: [{ [BEARER_SCHEME]: [] }] }),
      request: {
        ...(spec.params ? { params: spec.params } : {}),
        ...(spec.query ? { query: spec.query } : {}),
        ...(spec.headers ? { headers: spec.headers } : {}),
        ...(spec.body
          ? { body: { required: true, content: { 'application/json': { schema: spec.body } } } }
          : {}),
      },
      responses,
    });
  }
}

function parsePart(
  schema: z.ZodType | undefined,
  value: unknown,
  prefix: string | undefined,
  errors: FieldError[],
): unknown {
  if (!schema) return {};
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  errors.push(...fieldErrorsOf(parsed.error, prefix));
  return undefined;
}
