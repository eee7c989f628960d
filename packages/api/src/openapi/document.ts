import { OpenApiGeneratorV31, type OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { BATCH_SEMANTICS } from '../events/batchSemantics';

const DESCRIPTION = `Sluice admits data-lake jobs (Glue, EMR, Batch, on-premises) to pools by priority and fair
share under quotas. Every change is an event; reads come from projections of the event log.

Errors are RFC 9457 problem documents (application/problem+json) with field-level \`errors\`.
A rejected request never appends anything.

${BATCH_SEMANTICS}`;

export function openApiDocument(registry: OpenAPIRegistry): object {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Sluice API', version: '1.0.0', description: DESCRIPTION },
  });
}
