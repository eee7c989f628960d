import type { PolicyOutcome, Workload } from '@sluice/scheduler';
import { policyNamed, type ComparedPoliciesOptions, type PolicyName } from '../comparedPolicies';
import { simulate, type SimulationOptions, policyMetrics } from '@sluice/scheduler';
import { loadWorkload, type WorkloadRequest } from './loadWorkload';

/** One policy's run, described in plain data so it can be handed to a worker thread. */
export interface PolicyRunRequest {
  workload: WorkloadRequest;
  policy: PolicyName;
  policyOptions: ComparedPoliciesOptions;
  simulation: SimulationOptions;
}

/** Simulates one policy and measures the run; loads the workload unless it is given. */
export function runPolicy(request: PolicyRunRequest, loaded?: Workload): PolicyOutcome {
  const workload = loaded ?? loadWorkload(request.workload);
  const started = performance.now();
  const metrics = policyMetrics(
    simulate(workload, policyNamed(request.policy, request.policyOptions), request.simulation),
  );
  return { ...metrics, elapsedMs: performance.now() - started };
}
