import { z } from 'zod';

export const GLUE_WORKER_TYPES = [
  'Standard',
  'G.025X',
  'G.1X',
  'G.2X',
  'G.4X',
  'G.8X',
  'G.12X',
  'G.16X',
  'R.1X',
  'R.2X',
  'R.4X',
  'R.8X',
  'Z.2X',
] as const;

/** `spec` of a Glue job run. */
export const glueJobSpecSchema = z
  .object({
    jobName: z.string().min(1).max(255),
    arguments: z.record(z.string(), z.string()).default({}),
    workerType: z.enum(GLUE_WORKER_TYPES).optional(),
    numberOfWorkers: z.number().int().positive().optional(),
    /** Python shell (0.0625 or 1) or legacy Spark jobs sized in DPUs rather than workers. */
    maxCapacity: z.number().positive().optional(),
    timeoutMinutes: z.number().int().positive().optional(),
    executionClass: z.enum(['STANDARD', 'FLEX']).optional(),
    /** Let Glue queue the run (WAITING) when an account limit is hit instead of failing it. */
    jobRunQueuingEnabled: z.boolean().optional(),
    securityConfiguration: z.string().optional(),
  })
  .refine((s) => !(s.maxCapacity !== undefined && (s.workerType || s.numberOfWorkers)), {
    message: 'give either maxCapacity or workerType with numberOfWorkers, not both',
  })
  .refine((s) => (s.workerType === undefined) === (s.numberOfWorkers === undefined), {
    message: 'workerType and numberOfWorkers go together',
  });

/** `spec` of a Glue crawler run. */
export const glueCrawlerSpecSchema = z.object({ crawlerName: z.string().min(1).max(255) });

/** Pool `config` of a Glue account+region pool. */
export const gluePoolSchema = z.object({
  /** The Glue jobs whose runs count against this pool. */
  jobNames: z.array(z.string().min(1)).default([]),
  /** Service Quotas codes (service `glue`) read as the pool's `runs` and `dpu` capacity. */
  serviceQuotas: z.object({ runs: z.string().optional(), dpu: z.string().optional() }).default({}),
  /** The Glue connection whose subnet the jobs' workers take their IP addresses from… */
  connectionName: z.string().optional(),
  /** …or the subnets themselves. */
  subnetIds: z.array(z.string()).default([]),
  ipsPerWorker: z.number().positive().default(1),
  /** Runs started longer ago than this are not looked at (Glue's default timeout is 48 hours). */
  activeLookbackHours: z.number().positive().default(48),
});

/** Pool `config` of a crawler pool. */
export const glueCrawlerPoolSchema = z.object({ crawlerNames: z.array(z.string().min(1)).min(1) });

export type GlueJobSpec = z.output<typeof glueJobSpecSchema>;
export type GluePoolConfig = z.output<typeof gluePoolSchema>;
