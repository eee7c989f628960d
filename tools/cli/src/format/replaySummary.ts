import type { Views } from '@sluice/domain';
import { formatCapacity, formatQueue } from './views';

/** Jobs per status: the shortest answer to "what was going on then". */
export function statusCounts(views: Views): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const job of Object.values(views.jobs.jobs)) counts[job.status] = (counts[job.status] ?? 0) + 1;
  return counts;
}

export function formatReplayedViews(views: Views, heading: string): string {
  const counts = Object.entries(statusCounts(views))
    .map(([status, n]) => `${status} ${n}`)
    .join(', ');
  return [heading, `Jobs: ${counts || 'none'}`, '', formatQueue(views.queue), '', formatCapacity(views.capacity)].join('\n');
}
