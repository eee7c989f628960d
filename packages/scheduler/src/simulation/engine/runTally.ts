import type { ResourceVector } from '@sluice/domain';
import type { SimJob, SimPool } from '../workload/workload';
import { contentionFairness, type ContentionFairnessReport } from './contentionFairness';
import { poolOccupancy, type PoolOccupancyReport } from './poolOccupancy';

/** What a run counts as it goes, in the shape the metrics read (see `SimulationRun`). */
export interface RunTallyResult {
  /** Per job (workload order): virtual second of admission / end, NaN when it never happened. */
  admittedAt: Float64Array;
  finishedAt: Float64Array;
  poolOf: (string | undefined)[];
  /** Job indexes in the order they were admitted. */
  admissionOrder: number[];
  /** Admissions the job or pool aggregate refused (a policy that ignores limits): job id and why. */
  refused: { jobId: string; reason: string }[];
  cancelled: string[];
  occupancy: PoolOccupancyReport[];
  fairness: ContentionFairnessReport;
}

/**
 * The bookkeeping every replay of jobs through the engine shares: who was admitted where and when,
 * who ended, who was refused or cancelled, and the occupancy and fairness counters those moves
 * feed. The simulator and the history replay drive it the same way, so their figures compare.
 */
export function runTally(jobs: readonly SimJob[], pools: readonly SimPool[], weightOf: (source: string) => number) {
  const admittedAt = new Float64Array(jobs.length).fill(NaN);
  const finishedAt = new Float64Array(jobs.length).fill(NaN);
  const poolOf: (string | undefined)[] = new Array<string | undefined>(jobs.length).fill(undefined);
  const admissionOrder: number[] = [];
  const refused: RunTallyResult['refused'] = [];
  const cancelled: string[] = [];
  const occupancy = poolOccupancy(pools);
  const fairness = contentionFairness(pools, weightOf);
  let waiting = 0;
  return {
    poolOf,
    /** Jobs queued and not yet admitted or cancelled. */
    get waiting() {
      return waiting;
    },
    queued(index: number): void {
      fairness.queued(jobs[index]!.source, jobs[index]!.pools);
      waiting += 1;
    },
    admitted(index: number, poolId: string, reservation: ResourceVector, at: number): void {
      const job = jobs[index]!;
      occupancy.reserve(poolId, reservation);
      fairness.dequeued(job.source, job.pools, poolId, reservation);
      admittedAt[index] = at;
      poolOf[index] = poolId;
      admissionOrder.push(index);
      waiting -= 1;
    },
    cancelled(index: number): void {
      const job = jobs[index]!;
      fairness.dequeued(job.source, job.pools, undefined, {});
      cancelled.push(job.jobId);
      waiting -= 1;
    },
    finished(index: number, reservation: ResourceVector, at: number): void {
      const poolId = poolOf[index]!;
      occupancy.release(poolId, reservation);
      fairness.finished(jobs[index]!.source, poolId, reservation);
      finishedAt[index] = at;
    },
    refused(jobId: string, reason: string): void {
      refused.push({ jobId, reason });
    },
    get admissions(): number {
      return admissionOrder.length;
    },
    elapse(dt: number): void {
      occupancy.elapse(dt);
      fairness.elapse(dt);
    },
    result(): RunTallyResult {
      return { admittedAt, finishedAt, poolOf, admissionOrder, refused, cancelled, occupancy: occupancy.report(), fairness: fairness.report() };
    },
  };
}
