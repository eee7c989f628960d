import type { JobSummary, Views } from '@sluice/domain';

export type JobListingEntry = Omit<JobSummary, 'timeline'>;

export interface JobFilter {
  status?: string;
  source?: string;
  limit: number;
}

export interface JobListing {
  /** The first `limit` matching jobs, in submission order. */
  jobs: JobListingEntry[];
  /** How many match in all. */
  total: number;
}

/** Jobs matching the filter, without their timelines, up to the limit, with how many match in all. */
export function jobListing(views: Views, filter: JobFilter): JobListing {
  const jobs: JobListingEntry[] = [];
  let total = 0;
  for (const job of Object.values(views.jobs.jobs)) {
    if (filter.status && job.status !== filter.status) continue;
    if (filter.source && job.source !== filter.source) continue;
    total += 1;
    if (jobs.length >= filter.limit) continue;
    const { timeline: _timeline, ...summary } = job;
    jobs.push(summary);
  }
  return { jobs, total };
}
