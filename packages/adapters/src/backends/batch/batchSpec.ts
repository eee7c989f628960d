import { z } from 'zod';

/** `spec` of an AWS Batch job (single or array). */
export const batchSpecSchema = z.object({
  jobQueue: z.string().min(1),
  jobDefinition: z.string().min(1),
  /** 2–10,000 makes an array job. */
  arraySize: z.number().int().min(2).max(10_000).optional(),
  /**
   * Batch job ids this job waits for. For array jobs, `N_TO_N` pairs child i with child i of an
   * array dependency, and `SEQUENTIAL` (no jobId) runs this job's children one after the other.
   */
  dependsOn: z
    .array(
      z.object({ jobId: z.string().min(1).optional(), type: z.enum(['N_TO_N', 'SEQUENTIAL']).optional() }),
    )
    .max(20)
    .default([]),
  shareIdentifier: z.string().min(1).optional(),
  schedulingPriorityOverride: z.number().int().min(0).max(9999).optional(),
  parameters: z.record(z.string(), z.string()).optional(),
  containerOverrides: z.record(z.string(), z.unknown()).optional(),
  timeoutSeconds: z.number().int().min(60).optional(),
  retryAttempts: z.number().int().min(1).max(10).optional(),
});

/** Pool `config` of a Batch job-queue pool. */
export const batchPoolSchema = z.object({
  jobQueue: z.string().min(1),
  /** Defaults to the queue's compute environments. */
  computeEnvironments: z.array(z.string().min(1)).optional(),
});

export type BatchSpec = z.output<typeof batchSpecSchema>;
