import { headroomOf, orderedQueue, type Dimension } from '@sluice/domain';
import type { ApiViews } from '../projections/readModel/apiViews';
import { admissionsOf } from './admissions';

/** Upper bounds (seconds) of the wait-time histogram: sub-minute scheduling up to a day's backlog. */
export const WAIT_BUCKETS = [1, 5, 15, 30, 60, 300, 900, 1800, 3600, 14_400, 86_400] as const;

export interface WaitHistogram {
  /** Cumulative counts per bound of WAIT_BUCKETS, as Prometheus reports them. */
  buckets: number[];
  count: number;
  sumSeconds: number;
}

export interface PoolHeadroomSample {
  poolId: string;
  dimension: Dimension;
  headroom: number;
}

export interface WorkloadMetrics {
  queueDepthByClass: Record<string, number>;
  inFlight: number;
  admissionsTotal: number;
  wait: WaitHistogram;
  /** Only dimensions with a finite limit: an unlimited dimension has no headroom to report. */
  headroom: PoolHeadroomSample[];
  /** 0 when nothing waits, so an alarm on it clears once the queue drains. */
  oldestQueuedJobAgeSeconds: number;
}

/** The workload figures both exporters report, read off the views at `now`. */
export function workloadMetrics(views: ApiViews, now: Date): WorkloadMetrics {
  const queueDepthByClass: Record<string, number> = {};
  let oldest = Infinity;
  for (const job of orderedQueue(views.queue)) {
    queueDepthByClass[job.priorityClass] = (queueDepthByClass[job.priorityClass] ?? 0) + 1;
    oldest = Math.min(oldest, Date.parse(job.enqueuedAt));
  }
  const admissions = admissionsOf(views.jobs);
  const buckets: number[] = WAIT_BUCKETS.map(() => 0);
  let sumSeconds = 0;
  for (const { waitSeconds } of admissions) {
    sumSeconds += waitSeconds;
    WAIT_BUCKETS.forEach((bound, i) => {
      if (waitSeconds <= bound) buckets[i]! += 1;
    });
  }
  const headroom: PoolHeadroomSample[] = [];
  for (const pool of Object.values(views.capacity.pools).sort((a, b) => a.poolId.localeCompare(b.poolId)))
    for (const figures of headroomOf(pool))
      if (figures.headroom !== undefined)
        headroom.push({ poolId: pool.poolId, dimension: figures.dimension, headroom: figures.headroom });
  return {
    queueDepthByClass,
    inFlight: Object.keys(views.queue.inFlight).length,
    admissionsTotal: admissions.length,
    wait: { buckets, count: admissions.length, sumSeconds },
    headroom,
    oldestQueuedJobAgeSeconds: Number.isFinite(oldest) ? Math.max(0, (now.getTime() - oldest) / 1000) : 0,
  };
}
