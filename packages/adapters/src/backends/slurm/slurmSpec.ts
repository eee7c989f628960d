import { z } from 'zod';
import { httpEndpointSchema } from '../http/httpEndpoint';
import { prometheusQueriesSchema } from '../prometheus/prometheusCapacity';

/** `spec` of a SLURM batch job. */
export const slurmSpecSchema = z.object({
  /** The batch script, starting with `#!`. */
  script: z.string().startsWith('#!'),
  partition: z.string().optional(),
  account: z.string().optional(),
  qos: z.string().optional(),
  currentWorkingDirectory: z.string().default('/tmp'),
  environment: z.record(z.string(), z.string()).default({ PATH: '/usr/local/bin:/usr/bin:/bin' }),
  timeLimitMinutes: z.number().int().positive().optional(),
  tasks: z.number().int().positive().optional(),
  cpusPerTask: z.number().int().positive().optional(),
  memoryPerNodeMiB: z.number().int().positive().optional(),
});

/** One slurmrestd per pool, with the user and JWT it acts as. */
export const slurmClusterSchema = z.object({
  endpoint: httpEndpointSchema,
  userName: z.string().min(1),
  /** A JWT for X-SLURM-USER-TOKEN (from `scontrol token`), taken from the environment. */
  token: z.string().min(1),
  prometheus: httpEndpointSchema.optional(),
});

/** Pool `config` of a SLURM pool. */
export const slurmPoolSchema = z.object({ prometheus: prometheusQueriesSchema.optional() });

export type SlurmSpec = z.output<typeof slurmSpecSchema>;
export type SlurmCluster = z.output<typeof slurmClusterSchema>;
