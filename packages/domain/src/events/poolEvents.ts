import { z } from 'zod';
import { resourceVectorSchema } from '../resources/resourceVector';
import { backendSchema } from './jobEvents';
import { identifierSchema } from './common';

export const poolRegisteredSchema = z.strictObject({
  poolId: identifierSchema,
  backend: backendSchema,
  /** Nominal capacity per dimension (missing = unlimited). */
  capacity: resourceVectorSchema,
  /** Hard limits that are never exceeded (Glue's 50 concurrent runs per account, max DPUs, subnet IPs). */
  quotas: resourceVectorSchema,
  cohort: identifierSchema.optional(),
  /** How much of this pool's unused capacity others in its cohort may borrow. */
  lendingLimit: resourceVectorSchema.optional(),
  labels: z.record(z.string().max(128), z.string().max(256)).optional(),
});

export const poolQuotaChangedSchema = z.strictObject({
  poolId: identifierSchema,
  quotas: resourceVectorSchema,
  reason: z.string().max(2000).optional(),
});

/** What the backend says is in use (including work Sluice did not start), and optionally its capacity. */
export const poolCapacityReportedSchema = z.strictObject({
  poolId: identifierSchema,
  observed: resourceVectorSchema,
  capacity: resourceVectorSchema.optional(),
});

export const capacityReservedSchema = z.strictObject({
  poolId: identifierSchema,
  jobId: identifierSchema,
  demand: resourceVectorSchema,
});

export const RELEASE_REASONS = ['succeeded', 'failed', 'cancelled', 'timedOut', 'lost'] as const;
export const capacityReleasedSchema = z.strictObject({
  poolId: identifierSchema,
  jobId: identifierSchema,
  demand: resourceVectorSchema,
  reason: z.enum(RELEASE_REASONS),
});

export type PoolRegisteredData = z.infer<typeof poolRegisteredSchema>;
export type PoolQuotaChangedData = z.infer<typeof poolQuotaChangedSchema>;
export type PoolCapacityReportedData = z.infer<typeof poolCapacityReportedSchema>;
export type CapacityReservedData = z.infer<typeof capacityReservedSchema>;
export type CapacityReleasedData = z.infer<typeof capacityReleasedSchema>;
export type ReleaseReason = (typeof RELEASE_REASONS)[number];
