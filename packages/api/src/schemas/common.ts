import { LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX, canonicalJobId, identifierSchema, isoTimeSchema } from '@sluice/domain';
import { z } from '../openapi/zod';

/** Every listing takes `limit` by the same rule (1 to LIST_LIMIT_MAX, LIST_LIMIT_DEFAULT when missing). */
export const listLimit = () => z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_DEFAULT);

export const idParams = z.object({ id: identifierSchema });

/** A job id in the path: a ULID in any case names the same job. */
export const jobIdParams = z.object({ id: identifierSchema.transform(canonicalJobId) });

export const asOfQuery = z.object({
  asOf: isoTimeSchema
    .optional()
    .describe('Replay the views as they were at this instant (ISO 8601); now when missing.'),
});

export const linksSchema = z.record(z.string(), z.string());
