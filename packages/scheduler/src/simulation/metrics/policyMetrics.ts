import type { Dimension } from '@sluice/domain';
import type { SimulationRun } from '../engine/simulate';
import { boundedSlowdown } from './boundedSlowdown';
import { distributionOf, distributionsBy, type Distribution } from './distribution';
import { makespanLowerBound } from './makespanBound';
import { utilization } from './utilization';

export interface PolicyMetrics {
  policy: string;
  jobs: number;
  finished: number;
  /** Jobs never admitted, or admitted and never finished. */
  unfinished: number;
  refused: number;
  cancelled: number;
  cycles: number;
  events: number;
  /** Per dimension, time-integrated reserved / capacity over the makespan. */
  utilization: Partial<Record<Dimension, number>>;
  utilizationByPool: Record<string, Partial<Record<Dimension, number>>>;
  /** Pools whose reservations ever passed their limit (should always be empty). */
  limitsExceeded: string[];
  makespanSeconds: number;
  lowerBoundSeconds: number;
  makespanRatio: number;
  /** Time-weighted Jain index over contended pool time; null when nothing was contended. */
  jain: number | null;
  contendedSeconds: number;
  /** Seconds from submission to admission. */
  wait: {
    overall: Distribution;
    byClass: Record<string, Distribution>;
    bySource: Record<string, Distribution>;
  };
  boundedSlowdown: { overall: Distribution; byClass: Record<string, Distribution> };
}

interface Finished {
  priorityClass: string;
  source: string;
  wait: number;
  slowdown: number;
}

export function policyMetrics(run: SimulationRun): PolicyMetrics {
  const jobs = run.workload.jobs;
  const finished: Finished[] = [];
  let firstArrival = Infinity;
  let lastEnd = -Infinity;
  jobs.forEach((job, i) => {
    firstArrival = Math.min(firstArrival, job.arrival);
    const admitted = run.admittedAt[i] ?? NaN;
    const ended = run.finishedAt[i] ?? NaN;
    if (Number.isNaN(admitted) || Number.isNaN(ended)) return;
    lastEnd = Math.max(lastEnd, ended);
    const wait = admitted - job.arrival;
    finished.push({
      priorityClass: job.priorityClass,
      source: job.source,
      wait,
      slowdown: boundedSlowdown(wait, job.duration),
    });
  });
  const makespanSeconds = finished.length > 0 ? lastEnd - firstArrival : 0;
  const lowerBoundSeconds = makespanLowerBound(run.workload);
  const used = utilization(run.occupancy, makespanSeconds);
  const byClass = (f: Finished) => f.priorityClass;
  return {
    policy: run.policy,
    jobs: jobs.length,
    finished: finished.length,
    unfinished: jobs.length - finished.length - run.cancelled.length,
    refused: run.refused.length,
    cancelled: run.cancelled.length,
    cycles: run.cycles,
    events: run.eventsRecorded,
    utilization: used.overall,
    utilizationByPool: used.byPool,
    limitsExceeded: run.occupancy
      .filter((pool) =>
        Object.entries(pool.peak).some(([d, peak]) => peak > (pool.limit[d as Dimension] ?? Infinity) + 1e-9),
      )
      .map((pool) => pool.poolId),
    makespanSeconds,
    lowerBoundSeconds,
    makespanRatio: lowerBoundSeconds > 0 ? makespanSeconds / lowerBoundSeconds : 1,
    jain: run.fairness.jain ?? null,
    contendedSeconds: run.fairness.contendedSeconds,
    wait: {
      overall: distributionOf(finished.map((f) => f.wait)),
      byClass: distributionsBy(finished, byClass, (f) => f.wait),
      bySource: distributionsBy(
        finished,
        (f) => f.source,
        (f) => f.wait,
      ),
    },
    boundedSlowdown: {
      overall: distributionOf(finished.map((f) => f.slowdown)),
      byClass: distributionsBy(finished, byClass, (f) => f.slowdown),
    },
  };
}
