import { z } from 'zod';
import { httpEndpointSchema } from '../http/httpEndpoint';
import { prometheusQueriesSchema } from '../prometheus/prometheusCapacity';

/** `spec` of a Kubernetes Job: one container; resources come from the job's demand. */
export const kubernetesSpecSchema = z.object({
  image: z.string().min(1),
  command: z.array(z.string()).optional(),
  args: z.array(z.string()).optional(),
  env: z.record(z.string(), z.string()).default({}),
  serviceAccountName: z.string().optional(),
  /** Pod retries inside one attempt; Sluice's own attempts are the usual way to retry. */
  backoffLimit: z.number().int().min(0).default(0),
  activeDeadlineSeconds: z.number().int().positive().optional(),
  ttlSecondsAfterFinished: z.number().int().min(0).default(3600),
  labels: z.record(z.string(), z.string()).default({}),
});

/** One API server per pool; the bearer token comes from the environment or a service account. */
export const kubernetesClusterSchema = z.object({
  endpoint: httpEndpointSchema,
  namespace: z.string().min(1).default('default'),
  /** `Background` deletes the pods after the Job; `Foreground` keeps the Job until they are gone. */
  propagationPolicy: z.enum(['Background', 'Foreground']).default('Background'),
  prometheus: httpEndpointSchema.optional(),
});

/** Pool `config` of a Kubernetes pool. */
export const kubernetesPoolSchema = z.object({ prometheus: prometheusQueriesSchema.optional() });

export type KubernetesSpec = z.output<typeof kubernetesSpecSchema>;
export type KubernetesCluster = z.output<typeof kubernetesClusterSchema>;
