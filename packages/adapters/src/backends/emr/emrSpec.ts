import { z } from 'zod';

/** `spec` of an EMR step: a spark-submit run through command-runner.jar. */
export const emrStepSpecSchema = z.object({
  /** Everything after `spark-submit`: options, the application, its arguments. */
  sparkSubmitArgs: z.array(z.string()).min(1),
  /** The cluster group to place on; defaults to the pool id. */
  clusterGroup: z.string().min(1).optional(),
  actionOnFailure: z.enum(['CONTINUE', 'CANCEL_AND_WAIT']).default('CONTINUE'),
});

/** Pool `config` of an EMR cluster-group pool. */
export const emrPoolSchema = z.object({
  /** Defaults to the pool id. */
  clusterGroup: z.string().min(1).optional(),
  /** Read each member's YARN ResourceManager (`/ws/v1/cluster/metrics`) for vCPU and memory. */
  yarn: z
    .object({
      scheme: z.enum(['http', 'https']).default('http'),
      port: z.number().int().positive().default(8088),
      /** Overrides the master's DNS name (an SSH tunnel, a proxy). */
      host: z.string().optional(),
    })
    .optional(),
});

export type EmrStepSpec = z.output<typeof emrStepSpecSchema>;
export type EmrPoolConfig = z.output<typeof emrPoolSchema>;

/**
 * Clusters of a group are named `sluice-<group>-m<member>-<s|o><launch time>` (s: Spot, o:
 * on-demand): the name is how the step backend and the group manager find a group's clusters
 * without a DescribeCluster per cluster, and tells which member slot a cluster fills.
 */
export function clusterNameOf(
  group: string,
  member: number,
  market: 'SPOT' | 'ON_DEMAND',
  nowMs: number,
): string {
  return `sluice-${group}-m${member}-${market === 'SPOT' ? 's' : 'o'}${nowMs.toString(36)}`;
}

export function parseClusterName(
  name: string,
): { group: string; member: number; market: 'SPOT' | 'ON_DEMAND' } | undefined {
  const match = /^sluice-(.+)-m(\d+)-([so])[0-9a-z]+$/.exec(name);
  if (!match) return undefined;
  return { group: match[1]!, member: Number(match[2]), market: match[3] === 's' ? 'SPOT' : 'ON_DEMAND' };
}

export const isClusterOfGroup = (name: string | undefined, group: string) =>
  parseClusterName(name ?? '')?.group === group;

export const ALIVE_CLUSTER_STATES = ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING'] as const;
export const ACTIVE_STEP_STATES = new Set(['PENDING', 'RUNNING', 'CANCEL_PENDING']);
