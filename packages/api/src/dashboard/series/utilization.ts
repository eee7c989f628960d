import type { Dimension, JobViewState, PoolState } from '@sluice/domain';
import type { TimeTable } from '../snapshotTypes';
import { stepTable } from './stepTable';

const RELEASES = new Set(['JobSucceeded', 'JobFailed', 'JobCancelled', 'JobTimedOut']);
const POOL_OF_DETAIL = /^to (\S+):/;

interface ReservationStep {
  at: string;
  poolId: string;
  jobId: string;
  sign: 1 | -1;
}

/**
 * Each pool's reserved share of every limited dimension (`emr-main vcpu`) after every admission
 * and release, rebuilt from the job timelines so the chart survives restarts. Reservations are
 * taken to be the job's demand and measured against today's capacity: the chart shows load, not
 * accounting.
 */
export function utilizationSeries(jobs: JobViewState, pools: Record<string, PoolState>, maxPoints: number): TimeTable {
  const reserved = new Map<string, Map<Dimension, number>>();
  return stepTable(
    reservationSteps(jobs),
    (step) => {
      const demand = jobs.jobs[step.jobId]?.demand;
      if (!pools[step.poolId] || !demand) return;
      const held = reserved.get(step.poolId) ?? new Map<Dimension, number>();
      reserved.set(step.poolId, held);
      for (const [dimension, amount] of Object.entries(demand) as [Dimension, number][])
        held.set(dimension, (held.get(dimension) ?? 0) + step.sign * amount);
    },
    () => {
      const fractions = new Map<string, number>();
      for (const [poolId, held] of reserved)
        for (const [dimension, limit] of Object.entries(pools[poolId]!.capacity) as [Dimension, number][])
          if (limit > 0) fractions.set(`${poolId} ${dimension}`, Math.min(1, Math.max(0, (held.get(dimension) ?? 0) / limit)));
      return fractions;
    },
    maxPoints,
  );
}

function reservationSteps(jobs: JobViewState): ReservationStep[] {
  const steps: ReservationStep[] = [];
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
  return steps;
}
