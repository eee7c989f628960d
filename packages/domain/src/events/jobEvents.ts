import { z } from 'zod';
import { resourceVectorSchema } from '../resources/resourceVector';
import { identifierSchema, isoTimeSchema } from './common';
import { BACKENDS } from '../vocabulary';

export const backendSchema = z.enum(BACKENDS);

export const dependencySchema = z.strictObject({
  jobId: identifierSchema,
  /** afterSuccess: run only if the dependency succeeded; afterAny: run once it ended, however it ended. */
  condition: z.enum(['afterSuccess', 'afterAny']),
});
export type Dependency = z.infer<typeof dependencySchema>;

const jobSubmittedCommon = {
  jobId: identifierSchema,
  source: identifierSchema,
  dataset: identifierSchema,
  priorityClass: identifierSchema,
  /** Numeric value of the class at submission; higher runs first. */
  priority: z.number().int().min(0).max(1_000_000),
  demand: resourceVectorSchema,
  backend: backendSchema,
  /** Backend-specific: Glue job name and arguments, EMR step, Batch array size… */
  spec: z.record(z.string(), z.unknown()),
  /** Name used for per-job-name concurrency caps (Glue's max concurrent runs per job). */
  jobName: z.string().min(1).max(255).optional(),
  estimateSeconds: z.number().positive().finite().optional(),
  /** The longest one run may take: past it the run is stopped and the job times out. None means no limit. */
  timeoutSeconds: z
    .number()
    .int('must be a whole number of seconds')
    .min(1, 'must be at least 1 second')
    .max(7 * 24 * 60 * 60, 'must be at most 7 days (604800 seconds)')
    .optional(),
  dependsOn: z.array(dependencySchema).max(100).optional(),
  maxAttempts: z.number().int().min(1).max(100).default(1),
  template: z.string().min(1).max(128).optional(),
};

/** v1 placed a job on exactly one pool. */
export const jobSubmittedV1Schema = z.strictObject({ ...jobSubmittedCommon, pool: identifierSchema });
/** v2 lets a job name every pool it may run on; the scheduler places it. */
export const jobSubmittedSchema = z.strictObject({
  ...jobSubmittedCommon,
  pools: z.array(identifierSchema).min(1).max(100),
});

/** Where an estimate comes from, most trusted first: the job's own figure, then its history. */
export const ESTIMATE_BASES = ['declared', 'learned', 'timeout'] as const;
export const runEstimateSchema = z.strictObject({
  seconds: z.number().positive().finite(),
  basis: z.enum(ESTIMATE_BASES),
  /** For a learned estimate, the history it was read from (`template:nightly`, `job:orders-etl`…). */
  key: z.string().min(1).max(300).optional(),
  /** For a learned estimate, how many past runs it rests on. */
  runs: z.number().int().min(1).optional(),
});
export type RunEstimate = z.infer<typeof runEstimateSchema>;

export const jobAdmittedSchema = z.strictObject({
  jobId: identifierSchema,
  poolId: identifierSchema,
  reservation: resourceVectorSchema,
  /** Why the scheduler admitted it now (class, share, fit), kept for explain and audit. */
  reason: z.string().min(1).max(2000),
  cycleId: z.string().max(128).optional(),
  /** The run time the decision assumed, and where it came from, so explain and replay show it. */
  estimate: runEstimateSchema.optional(),
});

export const jobStartedSchema = z.strictObject({
  jobId: identifierSchema,
  runId: z.string().min(1).max(512),
});

export const jobSucceededSchema = z.strictObject({
  jobId: identifierSchema,
  runId: z.string().min(1).max(512).optional(),
});

export const jobFailedSchema = z.strictObject({
  jobId: identifierSchema,
  error: z.string().min(1).max(4000),
  retryable: z.boolean(),
  runId: z.string().min(1).max(512).optional(),
});

export const jobRetryScheduledSchema = z.strictObject({
  jobId: identifierSchema,
  attempt: z.number().int().min(2),
  notBefore: isoTimeSchema,
});

export const jobCancellationRequestedSchema = z.strictObject({
  jobId: identifierSchema,
  reason: z.string().min(1).max(2000),
});

export const jobCancelledSchema = z.strictObject({
  jobId: identifierSchema,
  reason: z.string().min(1).max(2000),
});

export const jobTimedOutSchema = z.strictObject({
  jobId: identifierSchema,
  afterSeconds: z.number().nonnegative().finite(),
});

export type JobSubmittedData = z.infer<typeof jobSubmittedSchema>;
export type JobAdmittedData = z.infer<typeof jobAdmittedSchema>;
export type JobStartedData = z.infer<typeof jobStartedSchema>;
export type JobSucceededData = z.infer<typeof jobSucceededSchema>;
export type JobFailedData = z.infer<typeof jobFailedSchema>;
export type JobRetryScheduledData = z.infer<typeof jobRetryScheduledSchema>;
export type JobCancellationRequestedData = z.infer<typeof jobCancellationRequestedSchema>;
export type JobCancelledData = z.infer<typeof jobCancelledSchema>;
export type JobTimedOutData = z.infer<typeof jobTimedOutSchema>;
