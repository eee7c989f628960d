import { z } from 'zod';

/** One EMR cluster group: `members` clusters of one size tier behind one Sluice pool. */
export const clusterGroupConfigSchema = z.object({
  groupId: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'letters, digits and - only, at most 40'),
  poolId: z.string().min(1),
  /** A name from SIZE_TIERS, or a tier given in `tiers`. */
  tier: z.string().min(1),
  members: z.number().int().min(1).max(20),
  /** Terminate the whole group once it has had no step and no queued job for this long. */
  idleTerminateAfterSeconds: z.number().int().positive(),
  /** Start core nodes on Spot (falling back to on-demand); off means on-demand only. */
  spot: z.boolean().default(true),
  /** After a member is lost to Spot, its replacement runs on-demand for this long. */
  onDemandAfterSpotLossSeconds: z.number().int().nonnegative().default(3600),
  launch: z.object({
    releaseLabel: z.string().min(1),
    serviceRole: z.string().min(1),
    jobFlowRole: z.string().min(1),
    subnetIds: z.array(z.string().min(1)).min(1),
    logUri: z.string().optional(),
    applications: z.array(z.string()).default(['Spark']),
  }),
});

export type ClusterGroupConfig = z.output<typeof clusterGroupConfigSchema>;
export type ClusterGroupConfigInput = z.input<typeof clusterGroupConfigSchema>;
