import type { QueueListing } from '../client/sluiceClient';
import { formatResources } from './resources';
import { formatTable } from './table';

/** The queue as the API lists it: position, job, and why it waits. */
export function formatQueueListing(queue: QueueListing): string {
  const rows = queue.jobs.map((j) => [
    j.position,
    j.jobId,
    j.priorityClass,
    j.source,
    formatResources(j.demand),
    j.pools.join('|'),
    j.pendingReason ? `${j.pendingReason.code}: ${j.pendingReason.reason}` : '-',
  ]);
  const more = queue.total > queue.jobs.length ? `\n… and ${queue.total - queue.jobs.length} more` : '';
  return `Queue: showing ${queue.jobs.length} of ${queue.total} pending, ${queue.inFlight} in flight\n${formatTable(['pos', 'job', 'class', 'source', 'demand', 'pools', 'why'], rows)}${more}`;
}
