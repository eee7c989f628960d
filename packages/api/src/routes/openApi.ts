import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { RouteRegistrar } from '../http/routeRegistrar';
import { openApiDocument } from '../openapi/document';

export function registerOpenApi(api: RouteRegistrar, registry: OpenAPIRegistry): void {
  let document: object | undefined;
  api.route({
    method: 'get',
    path: '/v1/openapi.json',
    operationId: 'openApi',
    summary: 'This document',
    tag: 'operations',
    responses: { 200: { description: 'OpenAPI 3.1' } },
    // Built on first request, after every route has registered itself.
    handle: ({ c }) => c.json((document ??= openApiDocument(registry))),
  });
}
