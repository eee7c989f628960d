import { z } from 'zod';
import { identifierSchema } from './common';

const capsSchema = z.record(identifierSchema, z.number().int().min(0));

/** The whole share policy, replaced at once: shares, classes, aging and concurrency caps. */
export const sharePolicySetSchema = z.strictObject({
  /** Weight per source under contention; sources not named get `defaultWeight`. */
  shares: z.record(identifierSchema, z.number().positive().finite()),
  defaultWeight: z.number().positive().finite().default(1),
  /** Half-life of the decayed usage that fair sharing compares. */
  halfLifeSeconds: z.number().positive().finite().default(3600),
  /** Priority class name -> value; higher is more urgent. */
  classes: z.record(identifierSchema, z.number().int().min(0).max(1_000_000)).optional(),
  /** A job's effective priority rises one class step per `agingSeconds` waited (bounded wait). */
  agingSeconds: z.number().positive().finite().optional(),
  sourceCaps: capsSchema.optional(),
  datasetCaps: capsSchema.optional(),
  jobNameCaps: z.record(z.string().min(1).max(255), z.number().int().min(0)).optional(),
});

export type SharePolicySetData = z.infer<typeof sharePolicySetSchema>;
