import type { Workload } from '@sluice/scheduler';

/**
 * The same trace with no job estimating its run time, as archive logs whose requested time is -1
 * and submitters who never say: planners must then treat every running job as never ending.
 */
export function withoutEstimates(workload: Workload): Workload {
  return {
    ...workload,
    name: `${workload.name} (no estimates)`,
    jobs: workload.jobs.map(({ estimate: _dropped, ...job }) => job),
  };
}
