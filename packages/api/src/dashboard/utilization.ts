import { type Dimension, type JobViewState, type PoolState } from '@sluice/domain';

const RELEASES = new Set(['JobSucceeded', 'JobFailed', 'JobCancelled', 'JobTimedOut']);
const POOL_OF_DETAIL = /^to (\S+):/;

interface Step {
  at: string;
  poolId: string;
  jobId: string;
  sign: 1 | -1;
}

/**
 * Each pool's reserved share of its busiest limited dimension after every admission and release,
 * rebuilt from the job timelines so the chart survives restarts. Reservations are taken to be the
 * job's demand and measured against today's capacity: the chart shows load, not accounting.
 */
export function utilizationSeries(
  jobs: JobViewState,
  pools: Record<string, PoolState>,
  maxPoints: number,
): { poolId: string; points: { at: string; fraction: number }[] }[] {
  const steps: Step[] = [];
  for (const job of Object.values(jobs.jobs)) {
    let holding: string | undefined;
    for (const entry of job.timeline) {
      if (entry.type === 'JobAdmitted') {
        holding = entry.detail?.match(POOL_OF_DETAIL)?.[1] ?? job.poolId;
        if (holding) steps.push({ at: entry.at, poolId: holding, jobId: job.jobId, sign: 1 });
      } else if (holding && RELEASES.has(entry.type)) {
        steps.push({ at: entry.at, poolId: holding, jobId: job.jobId, sign: -1 });
        holding = undefined;
      }
    }
  }
  steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  const reserved = new Map<string, Map<Dimension, number>>();
  const series = new Map<string, { at: string; fraction: number }[]>();
  for (const step of steps) {
    const pool = pools[step.poolId];
    const demand = jobs.jobs[step.jobId]?.demand;
    if (!pool || !demand) continue;
    const held = reserved.get(step.poolId) ?? new Map<Dimension, number>();
    reserved.set(step.poolId, held);
    for (const [dimension, amount] of Object.entries(demand) as [Dimension, number][])
      held.set(dimension, (held.get(dimension) ?? 0) + step.sign * amount);
    let fraction = 0;
    for (const [dimension, limit] of Object.entries(pool.capacity) as [Dimension, number][])
      if (limit > 0) fraction = Math.max(fraction, (held.get(dimension) ?? 0) / limit);
    const points = series.get(step.poolId) ?? [];
    points.push({ at: step.at, fraction: Math.min(1, Math.max(0, fraction)) });
    series.set(step.poolId, points);
  }
  return [...series.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([poolId, points]) => ({ poolId, points: points.slice(-maxPoints) }));
}
