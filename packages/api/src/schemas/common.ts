import { identifierSchema, isoTimeSchema } from '@sluice/domain';
import { z } from '../openapi/zod';

export const pageLimit = (max: number, fallback: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

export const idParams = z.object({ id: identifierSchema });

export const asOfQuery = z.object({
  asOf: isoTimeSchema
    .optional()
    .describe('Replay the views as they were at this instant (ISO 8601); now when missing.'),
});

export const linksSchema = z.record(z.string(), z.string());
