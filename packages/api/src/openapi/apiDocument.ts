import type { ApiApp } from '../app/apiEnv';
import { BATCH_SEMANTICS } from '../events/batchSemantics';

export const BEARER_SCHEME = 'apiKey';

const DESCRIPTION = `Sluice admits data-lake jobs (Glue, EMR, Batch, on-premises) to pools by priority and fair
share under quotas. Every change is an event; reads come from projections of the event log.

Errors are RFC 9457 problem documents (application/problem+json) with field-level \`errors\`.
A rejected request never appends anything.

${BATCH_SEMANTICS}`;

/** Names the key scheme every non-public route's `security` refers to. */
export function registerSecurityScheme(app: ApiApp): void {
  app.openAPIRegistry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key issued with scopes publish, read and/or admin; `x-api-key: <key>` works too.',
  });
}

/** The OpenAPI 3.1 document of every route registered with `app.openapi` so far. */
export function openApiDocument(app: ApiApp): object {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 'Sluice API', version: '1.0.0', description: DESCRIPTION },
  });
}
