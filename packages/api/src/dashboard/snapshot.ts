import { headroomOf, orderedQueue } from '@sluice/domain';
import type { SchedulingPolicy, ApiViews } from '@sluice/scheduler';
import { pendingReasons, admissionsOf } from '@sluice/scheduler';
import type { DashboardSnapshot } from './snapshotTypes';
import { queueDepthSeries } from './series/queueDepth';
import { utilizationSeries } from './series/utilization';
import { waitHistogram } from './series/waitHistogram';

/** Bounds that keep a snapshot small enough to push every second. */
const QUEUE_ROWS = 50;
const RECENT_ADMISSIONS = 15;
const SERIES_POINTS = 120;
/** The wait histogram counts the admissions of the last day. */
const WAIT_WINDOW_SECONDS = 86_400;

/** Everything the dashboard shows, read off one state of the views. */
export function dashboardSnapshot(
  views: ApiViews,
  options: { now: Date; policy: SchedulingPolicy },
): DashboardSnapshot {
  const now = options.now.toISOString();
  const ordered = orderedQueue(views.queue);
  const reasons = ordered.length > 0 ? pendingReasons(views, now, options.policy) : new Map();

  const groups = new Map<string, { priorityClass: string; source: string; count: number }>();
  for (const job of ordered) {
    const key = `${job.priorityClass}\u0000${job.source}`;
    const group = groups.get(key) ?? { priorityClass: job.priorityClass, source: job.source, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }

  const admissions = admissionsOf(views.jobs);
  return {
    generatedAt: now,
    queue: {
      total: ordered.length,
      inFlight: Object.keys(views.queue.inFlight).length,
      byClassAndSource: [...groups.values()],
      head: ordered.slice(0, QUEUE_ROWS).map((job) => {
        const reason = reasons.get(job.jobId)?.reason;
        return {
          position: job.position,
          jobId: job.jobId,
          source: job.source,
          priorityClass: job.priorityClass,
          enqueuedAt: job.enqueuedAt,
          ...(reason ? { reason } : {}),
        };
      }),
    },
    pools: Object.values(views.capacity.pools)
      .sort((a, b) => a.poolId.localeCompare(b.poolId))
      .map((pool) => ({
        poolId: pool.poolId,
        ...(pool.backend ? { backend: pool.backend } : {}),
        dimensions: headroomOf(pool),
      })),
    recentAdmissions: admissions.slice(-RECENT_ADMISSIONS).reverse(),
    waitHistogram: waitHistogram(
      admissions.flatMap(({ jobId, at, waitSeconds }) => {
        const job = views.jobs.jobs[jobId];
        return job ? [{ at, waitSeconds, priorityClass: job.priorityClass, priority: job.priority }] : [];
      }),
      { now: options.now, windowSeconds: WAIT_WINDOW_SECONDS },
    ),
    utilization: utilizationSeries(views.jobs, views.capacity.pools, SERIES_POINTS),
    queueDepth: queueDepthSeries(views.jobs, SERIES_POINTS),
  };
}
