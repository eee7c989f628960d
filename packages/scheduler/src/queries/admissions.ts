import type { JobViewState } from '@sluice/domain';

export interface RecordedAdmission {
  jobId: string;
  poolId?: string;
  /** When the admission was recorded. */
  at: string;
  /** From the job's (re-)entry into the queue to its admission. */
  waitSeconds: number;
}

const POOL_OF_DETAIL = /^to (\S+):/;

/**
 * Every admission the job timelines record, oldest first. A retried job waits again from its
 * retry, not from its first submission, so each wait is measured from the latest enqueue.
 */
export function admissionsOf(jobs: JobViewState): RecordedAdmission[] {
  const admissions: RecordedAdmission[] = [];
  for (const job of Object.values(jobs.jobs)) {
    let enqueuedAt: string | undefined;
    for (const entry of job.timeline) {
      if (entry.type === 'JobSubmitted' || entry.type === 'JobRetryScheduled') enqueuedAt = entry.at;
      else if (entry.type === 'JobAdmitted' && enqueuedAt !== undefined) {
        const poolId = entry.detail?.match(POOL_OF_DETAIL)?.[1];
        admissions.push({
          jobId: job.jobId,
          ...(poolId ? { poolId } : {}),
          at: entry.at,
          waitSeconds: Math.max(0, (Date.parse(entry.at) - Date.parse(enqueuedAt)) / 1000),
        });
        enqueuedAt = undefined;
      }
    }
  }
  return admissions.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
