import {
  DEFAULT_CLASSES,
  jobStreamId,
  poolStreamId,
  POLICY_STREAM,
  type ResourceVector,
} from '@sluice/domain';
import type { SchedulingSnapshot, SimPool } from '@sluice/scheduler';
import { snapshotOf, simulationLog, DEFAULT_EPOCH_MS } from '@sluice/scheduler';

export interface QueuedSpec {
  jobId: string;
  demand: ResourceVector;
  pools: string[];
  priorityClass?: string;
  source?: string;
  estimateSeconds?: number;
}

/**
 * A snapshot taken from real events: pools registered, `running` jobs admitted onto their pools,
 * then `queued` jobs submitted one second apart in the order given. A running job is admitted the
 * second it is submitted, so its estimate counts from then.
 */
export function queueSnapshot(setup: {
  pools: SimPool[];
  queued: QueuedSpec[];
  running?: (QueuedSpec & { poolId: string })[];
  /** Weight per source in the share policy; sources not named weigh 1. */
  shares?: Record<string, number>;
}): SchedulingSnapshot {
  const log = simulationLog({ epochMs: DEFAULT_EPOCH_MS, halfLifeSeconds: 3600 });
  let at = 0;
  for (const pool of setup.pools)
    log.record(poolStreamId(pool.poolId), [{ type: 'PoolRegistered', data: pool }], at);
  log.record(
    POLICY_STREAM,
    [{ type: 'SharePolicySet', data: { shares: setup.shares ?? {}, classes: DEFAULT_CLASSES } }],
    at,
  );
  const submit = (job: QueuedSpec) => {
    const priorityClass = job.priorityClass ?? 'normal';
    log.record(
      jobStreamId(job.jobId),
      [
        {
          type: 'JobSubmitted',
          data: {
            jobId: job.jobId,
            source: job.source ?? 'team-a',
            dataset: 'sales',
            priorityClass,
            priority: DEFAULT_CLASSES[priorityClass] ?? 100,
            demand: job.demand,
            backend: 'simulated',
            spec: {},
            pools: job.pools,
            ...(job.estimateSeconds !== undefined ? { estimateSeconds: job.estimateSeconds } : {}),
          },
        },
      ],
      (at += 1),
    );
  };
  for (const job of setup.running ?? []) {
    submit(job);
    log.record(
      jobStreamId(job.jobId),
      [
        {
          type: 'JobAdmitted',
          data: { jobId: job.jobId, poolId: job.poolId, reservation: job.demand, reason: 'test' },
        },
      ],
      at,
    );
    log.record(
      poolStreamId(job.poolId),
      [{ type: 'CapacityReserved', data: { poolId: job.poolId, jobId: job.jobId, demand: job.demand } }],
      at,
    );
  }
  for (const job of setup.queued) submit(job);
  return snapshotOf(log.views, log.isoAt(at + 1));
}

export function pool(poolId: string, limit: ResourceVector): SimPool {
  return { poolId, backend: 'simulated', capacity: limit, quotas: {} };
}
