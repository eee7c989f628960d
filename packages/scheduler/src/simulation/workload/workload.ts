import type { Backend, ResourceVector } from '@sluice/domain';

/** One job of a trace, in virtual time (seconds from the trace's origin). */
export interface SimJob {
  jobId: string;
  arrival: number;
  /** How long it actually runs once admitted. */
  duration: number;
  /** What the submitter said it would take; policies may plan with it, the run ignores it. */
  estimate?: number;
  source: string;
  dataset: string;
  priorityClass: string;
  backend: Backend;
  demand: ResourceVector;
  /** Pools it may run on, in the submitter's order of preference. */
  pools: string[];
  jobName?: string;
}

export interface SimPool {
  poolId: string;
  backend: Backend;
  capacity: ResourceVector;
  quotas: ResourceVector;
}

/** Everything a simulation replays: the pools, the share policy and the jobs in arrival order. */
export interface Workload {
  name: string;
  pools: SimPool[];
  /** Sorted by arrival; ties keep submission order. */
  jobs: SimJob[];
  classes: Record<string, number>;
  /** Weight per source; sources not named weigh 1. */
  shares: Record<string, number>;
  agingSeconds?: number;
  /** Records left out of the trace, counted by reason. */
  skipped: Record<string, number>;
}

export function weightOfSource(workload: Pick<Workload, 'shares'>, source: string): number {
  return workload.shares[source] ?? 1;
}
