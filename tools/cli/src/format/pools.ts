import type { PoolEntry } from '../client/sluiceClient';
import { round } from './resources';
import { formatTable } from './table';

const limit = (x: number | undefined) => (x === undefined ? '∞' : round(x));

export function formatPools(pools: PoolEntry[]): string {
  const rows = pools.flatMap((pool) =>
    pool.headroom.map((h) => [
      pool.poolId,
      pool.backend ?? '-',
      h.dimension,
      limit(h.capacity),
      limit(h.quota),
      round(h.reserved),
      round(h.observed),
      limit(h.headroom),
    ]),
  );
  return `Pools: ${pools.length}\n${formatTable(['pool', 'backend', 'dimension', 'capacity', 'quota', 'reserved', 'observed', 'headroom'], rows)}`;
}
