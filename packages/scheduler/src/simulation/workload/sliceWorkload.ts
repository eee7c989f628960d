import type { Workload } from './workload';

/** The first `count` jobs of a workload: a quick run or a test slice of a long trace. */
export function sliceWorkload(workload: Workload, count: number): Workload {
  if (count >= workload.jobs.length) return workload;
  return { ...workload, name: `${workload.name} (first ${count} jobs)`, jobs: workload.jobs.slice(0, count) };
}
