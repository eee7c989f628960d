import { headroomOf, orderedQueue, type CapacityViewState, type QueueViewState } from '@sluice/domain';
import { formatResources, round } from './resources';
import { formatTable } from './table';

export function formatQueue(queue: QueueViewState, limit = 20): string {
  const ordered = orderedQueue(queue);
  const rows = ordered
    .slice(0, limit)
    .map((j) => [
      j.position,
      j.jobId,
      j.priorityClass,
      j.source,
      j.dataset,
      formatResources(j.demand),
      j.pools.join('|'),
    ]);
  const more = ordered.length > limit ? `\n… and ${ordered.length - limit} more` : '';
  return `Queue: ${ordered.length} pending\n${formatTable(['pos', 'job', 'class', 'source', 'dataset', 'demand', 'pools'], rows)}${more}`;
}

export function formatCapacity(capacity: CapacityViewState): string {
  const rows = Object.values(capacity.pools)
    .sort((a, b) => a.poolId.localeCompare(b.poolId))
    .flatMap((pool) =>
      headroomOf(pool).map((h) => [
        pool.poolId,
        h.dimension,
        h.capacity === undefined ? '∞' : round(h.capacity),
        h.quota === undefined ? '∞' : round(h.quota),
        round(h.reserved),
        round(h.observed),
        h.headroom === undefined ? '∞' : round(h.headroom),
      ]),
    );
  return `Capacity\n${formatTable(['pool', 'dimension', 'capacity', 'quota', 'reserved', 'observed', 'headroom'], rows)}`;
}
