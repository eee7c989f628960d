import type { Dimension } from '@sluice/domain';
import { boundedSlowdown } from '../../simulation/metrics/boundedSlowdown';
import { distributionOf, type Distribution } from '../../simulation/metrics/distribution';
import { policyMetrics } from '../../simulation/metrics/policyMetrics';
import type { HistoryJob } from '../history/historyTypes';
import type { HistoryReplay } from '../replay/replayHistory';
import { usageOverTime, type UsageSample } from './usageOverTime';

/** How one replay went, in the simulator's own measures. */
export interface OutcomeReport {
  jobs: number;
  admitted: number;
  finished: number;
  cancelled: number;
  /** Admissions the aggregates refused (should always be 0). */
  refused: number;
  cycles: number;
  /** Seconds from submission to admission, of jobs admitted and ended. */
  wait: { overall: Distribution; byClass: Record<string, Distribution>; bySource: Record<string, Distribution> };
  /** Time-integrated reserved / registered capacity over the makespan. */
  utilization: { overall: Partial<Record<Dimension, number>>; byPool: Record<string, Partial<Record<Dimension, number>>> };
  /** Per pool: the capacity reserved at each sampled instant (the recorded cycles). */
  usageOverTime: Record<string, UsageSample[]>;
  /** Time-weighted Jain index over contended pool time (null when nothing was contended). */
  fairness: { jain: number | null; contendedSeconds: number };
  /** Over jobs whose run time the record holds: a learned run time would make it a guess. */
  boundedSlowdown: Distribution;
}

/** The instants to sample usage at, the same for both replays so their series line up. */
export interface UsageSampling {
  seconds: readonly number[];
  isoAt: (seconds: number) => string;
}

export function outcomeReport(replay: HistoryReplay, jobs: readonly HistoryJob[], sampling: UsageSampling): OutcomeReport {
  const metrics = policyMetrics(replay.run);
  const { admittedAt, finishedAt } = replay.run;
  const slowdowns: number[] = [];
  jobs.forEach((job, i) => {
    const admitted = admittedAt[i] ?? NaN;
    if (!job.runTimeKnown || Number.isNaN(admitted) || Number.isNaN(finishedAt[i] ?? NaN)) return;
    slowdowns.push(boundedSlowdown(admitted - job.arrival, job.duration));
  });
  return {
    jobs: metrics.jobs,
    admitted: replay.run.admissionOrder.length,
    finished: metrics.finished,
    cancelled: metrics.cancelled,
    refused: metrics.refused,
    cycles: metrics.cycles,
    wait: metrics.wait,
    utilization: { overall: metrics.utilization, byPool: metrics.utilizationByPool },
    usageOverTime: usageOverTime(replay.run, jobs.map((job) => job.demand), sampling.seconds, sampling.isoAt),
    fairness: { jain: metrics.jain, contendedSeconds: metrics.contendedSeconds },
    boundedSlowdown: distributionOf(slowdowns),
  };
}
