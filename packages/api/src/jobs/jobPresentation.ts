import type { JobSummary } from '@sluice/domain';
import type { SchedulingPolicy, ApiViews } from '@sluice/scheduler';
import { queuePositionOf, pendingReasons, type PendingReason } from '@sluice/scheduler';

export function jobLinks(jobId: string): Record<string, string> {
  const self = `/v1/jobs/${encodeURIComponent(jobId)}`;
  return { self, events: `/v1/streams/job-${encodeURIComponent(jobId)}/events`, queue: '/v1/queue' };
}

/** A job without its timeline, for lists. */
export function jobSummaryOf(job: JobSummary): Omit<JobSummary, 'timeline'> {
  const { timeline: _timeline, ...summary } = job;
  return summary;
}

export interface JobDetail extends JobSummary {
  queuePosition?: number;
  pendingReason?: PendingReason;
  links: Record<string, string>;
}

/** The job with its timeline and, while it is queued, its place and why it waits as of `now`. */
export function jobDetailOf(
  views: ApiViews,
  jobId: string,
  now: string,
  policy: SchedulingPolicy,
): JobDetail | undefined {
  const job = views.jobs.jobs[jobId];
  if (!job) return undefined;
  const detail: JobDetail = { ...job, links: jobLinks(jobId) };
  const position = queuePositionOf(views.queue, jobId);
  if (position !== undefined) {
    detail.queuePosition = position;
    const reason = pendingReasons(views, now, policy).get(jobId);
    if (reason) detail.pendingReason = reason;
  }
  return detail;
}
