import type { EventInput } from '@sluice/domain';
import type { SimJob, Workload } from '../workload/workload';

/** The share policy a workload runs under, with the usage half-life the views decay by. */
export function sharePolicyEvent(workload: Workload, halfLifeSeconds: number): EventInput {
  return {
    type: 'SharePolicySet',
    data: {
      shares: workload.shares,
      classes: workload.classes,
      halfLifeSeconds,
      ...(workload.agingSeconds !== undefined ? { agingSeconds: workload.agingSeconds } : {}),
    },
  };
}

export function jobSubmittedEvent(job: SimJob, classes: Record<string, number>): EventInput {
  return {
    type: 'JobSubmitted',
    data: {
      jobId: job.jobId,
      source: job.source,
      dataset: job.dataset,
      priorityClass: job.priorityClass,
      // A class the policy does not name runs as `normal` would.
      priority: classes[job.priorityClass] ?? classes.normal ?? 100,
      demand: job.demand,
      backend: job.backend,
      spec: {},
      pools: job.pools,
      ...(job.jobName !== undefined ? { jobName: job.jobName } : {}),
      ...(job.estimate !== undefined && job.estimate > 0 ? { estimateSeconds: job.estimate } : {}),
    },
  };
}
