import { z } from 'zod';
import { httpEndpointSchema } from '../http/httpEndpoint';
import { prometheusQueriesSchema } from '../prometheus/prometheusCapacity';

/** `spec` of a Livy batch: the fields of Livy's `POST /batches` body. */
export const livySpecSchema = z.object({
  file: z.string().min(1),
  className: z.string().optional(),
  args: z.array(z.string()).optional(),
  conf: z.record(z.string(), z.string()).optional(),
  jars: z.array(z.string()).optional(),
  pyFiles: z.array(z.string()).optional(),
  files: z.array(z.string()).optional(),
  driverMemory: z.string().optional(),
  driverCores: z.number().int().positive().optional(),
  executorMemory: z.string().optional(),
  executorCores: z.number().int().positive().optional(),
  numExecutors: z.number().int().positive().optional(),
  queue: z.string().optional(),
  proxyUser: z.string().optional(),
});

/** One Livy server per pool; tokens come from the environment, not from pool events. */
export const livyClusterSchema = z.object({
  endpoint: httpEndpointSchema,
  prometheus: httpEndpointSchema.optional(),
});

/** Pool `config` of a Livy pool. */
export const livyPoolSchema = z.object({ prometheus: prometheusQueriesSchema.optional() });
