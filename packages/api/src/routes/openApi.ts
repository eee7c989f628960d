import type { ApiApp } from '../app/apiEnv';
import { apiRoute } from '../http/apiRoute';
import { openApiDocument } from '../openapi/apiDocument';

export function registerOpenApi(app: ApiApp): void {
  let document: object | undefined;
  app.openapi(
    apiRoute({
      method: 'get',
      path: '/v1/openapi.json',
      operationId: 'openApi',
      summary: 'This document',
      tag: 'operations',
      responses: { 200: { description: 'OpenAPI 3.1' } },
    }),
    // Built on first request, after every route has registered itself.
    (c) => c.json((document ??= openApiDocument(app))),
  );
}
