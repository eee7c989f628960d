import type { JobListing } from '../client/sluiceClient';
import { formatResources } from './resources';
import { formatTable } from './table';

export function formatJobs(jobs: JobListing[], total: number): string {
  const rows = jobs.map((j) => [
    j.jobId,
    j.status,
    j.priorityClass,
    j.source,
    j.dataset,
    formatResources(j.demand),
    j.poolId ?? j.pools.join('|'),
    j.submittedAt,
  ]);
  return `Jobs: showing ${jobs.length} of ${total}\n${formatTable(['job', 'status', 'class', 'source', 'dataset', 'demand', 'pool', 'submitted'], rows)}`;
}
