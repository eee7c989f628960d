import {
  identifierSchema,
  poolRegisteredSchema,
  sharePolicySetSchema,
  templateDefinedSchema,
} from '@sluice/domain';
import { named, z } from '../openapi/zod';

export const templateParams = z.object({ name: identifierSchema });
export const templateBodySchema = templateDefinedSchema.omit({ name: true }).openapi('TemplateDefinition');
export const templateSchema = templateDefinedSchema
  .extend({ version: z.number().int(), definedAt: z.string() })
  .openapi('Template');
export const templateListSchema = z.object({ templates: z.array(templateSchema) }).openapi('TemplateList');

export const poolBodySchema = poolRegisteredSchema.omit({ poolId: true }).openapi('PoolDefinition');

const vector = z.record(z.string(), z.number());
const headroomSchema = z.object({
  dimension: z.string(),
  capacity: z.number().optional(),
  quota: z.number().optional(),
  reserved: z.number(),
  observed: z.number(),
  headroom: z.number().optional().describe('Missing when the dimension is unlimited.'),
});
export const poolSchema = z
  .object({
    poolId: z.string(),
    registered: z.boolean(),
    backend: z.string().optional(),
    capacity: vector,
    quotas: vector,
    cohort: z.string().optional(),
    lendingLimit: vector.optional(),
    reserved: vector,
    observed: vector,
    reportedAt: z.string().optional(),
    streamVersion: z.number().int(),
    reservedBy: z.number().int(),
    headroom: z.array(headroomSchema),
  })
  .openapi('Pool');
export const poolListSchema = z
  .object({ pools: z.array(poolSchema), asOf: z.string().optional() })
  .openapi('PoolList');

export const policyBodySchema = named(sharePolicySetSchema, 'SharePolicy');
