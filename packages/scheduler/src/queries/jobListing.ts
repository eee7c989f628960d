import type { JobSummary, Views } from '@sluice/domain';

export type JobListingEntry = Omit<JobSummary, 'timeline'>;

export interface JobFilter {
  status?: string;
  source?: string;
  limit: number;
}

/** Jobs matching the filter, without their timelines, up to the limit. */
export function jobListing(views: Views, filter: JobFilter): JobListingEntry[] {
  const listing: JobListingEntry[] = [];
  for (const job of Object.values(views.jobs.jobs)) {
    if (filter.status && job.status !== filter.status) continue;
    if (filter.source && job.source !== filter.source) continue;
    const { timeline: _timeline, ...summary } = job;
    listing.push(summary);
    if (listing.length >= filter.limit) break;
  }
  return listing;
}
