import type { SchedulingPolicy } from '../policy/snapshot';
import { simulate, type SimulationOptions } from './engine/simulate';
import { policyMetrics, type PolicyMetrics } from './metrics/policyMetrics';
import type { Workload } from './workload/workload';

export interface PolicyOutcome extends PolicyMetrics {
  /** Wall-clock milliseconds the run took, when a timer was given. */
  elapsedMs?: number;
}

export interface Comparison {
  workload: {
    name: string;
    jobs: number;
    pools: Workload['pools'];
    skipped: Record<string, number>;
  };
  policies: PolicyOutcome[];
}

export interface CompareOptions extends SimulationOptions {
  /** Milliseconds from any origin (performance.now); only for reporting how long each run took. */
  timer?: () => number;
}

/** Runs every policy on the same workload, one after the other, and measures each run. */
export function comparePolicies(
  workload: Workload,
  policies: readonly SchedulingPolicy[],
  options: CompareOptions = {},
): Comparison {
  const { timer, ...simulation } = options;
  const outcomes = policies.map((policy): PolicyOutcome => {
    const started = timer?.();
    const metrics = policyMetrics(simulate(workload, policy, simulation));
    return started !== undefined && timer ? { ...metrics, elapsedMs: timer() - started } : metrics;
  });
  return { workload: workloadSummary(workload), policies: outcomes };
}

export function workloadSummary(workload: Workload): Comparison['workload'] {
  return {
    name: workload.name,
    jobs: workload.jobs.length,
    pools: workload.pools,
    skipped: workload.skipped,
  };
}
