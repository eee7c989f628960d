import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { workloadSummary, type Comparison, type PolicyOutcome } from '@sluice/scheduler';
import { comparisonJson } from '../report/comparisonJson';
import { comparisonTable } from '../report/comparisonTable';
import { waitChart } from '../report/waitChart';
import { THREADS_FROM_JOBS } from './defaults';
import { loadWorkload, type WorkloadRequest } from './loadWorkload';
import { runPolicy, type PolicyRunRequest } from './policyRun';
import { runPoliciesInWorkers } from './runPoliciesInWorkers';
import type { SimulateOptions } from './simulateOptions';
import { UsageError } from './usageError';

/** Loads the workload, runs every policy on it, writes the chart and prints the comparison. */
export async function runSimulation(options: SimulateOptions): Promise<void> {
  const started = performance.now();
  const request: WorkloadRequest = {
    trace: options.trace,
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    ...(options.capacity !== undefined ? { capacity: options.capacity } : {}),
    ...(options.estimates === false ? { estimates: false } : {}),
  };
  const workload = loadWorkload(request);
  const requests: PolicyRunRequest[] = options.policies.map((policy) => ({
    workload: request,
    policy,
    policyOptions: { runCap: options.runCap },
    simulation: {},
  }));
  const threads =
    options.workers ??
    (workload.jobs.length >= THREADS_FROM_JOBS ? Math.min(availableParallelism(), requests.length) : 1);
  const outcomes =
    threads > 1 ? await runInThreads(requests, threads) : requests.map((r) => runPolicy(r, workload));
  const comparison: Comparison = { workload: workloadSummary(workload), policies: outcomes };
  if (options.chart !== false) writeChart(options.chart, comparison, workload.classes);
  if (options.json) {
    process.stdout.write(JSON.stringify(comparisonJson(comparison)) + '\n');
    return;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(comparisonTable(comparison, workload.classes) + '\n\n');
  process.stdout.write(
    `${outcomes.length} policies in ${seconds}s${options.chart !== false ? `; chart: ${options.chart}` : ''}\n`,
  );
}

/** Sluice's cycle does the most work per run, so it starts first and the baselines share the other threads. */
async function runInThreads(requests: PolicyRunRequest[], threads: number): Promise<PolicyOutcome[]> {
  const startOrder = [...requests].sort(
    (a, b) => Number(b.policy === 'sluice') - Number(a.policy === 'sluice'),
  );
  const done = await runPoliciesInWorkers(startOrder, threads);
  return requests.map((request) => done[startOrder.indexOf(request)]!);
}

function writeChart(path: string, comparison: Comparison, classes: Record<string, number>): void {
  const title = `Wait by class: ${comparison.workload.name}, ${comparison.workload.jobs} jobs`;
  try {
    writeFileSync(path, waitChart(comparison.policies, classes, title));
  } catch (error) {
    throw new UsageError(
      `cannot write chart ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}
