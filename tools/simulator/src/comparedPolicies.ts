import { createSluicePolicy } from '@sluice/scheduler';
import type { SchedulingPolicy } from '@sluice/scheduler';
import {
  conservativeBackfillPolicy,
  easyBackfillPolicy,
  fifoPolicy,
  multiLevelFirstFitPolicy,
  slurmMultifactorPolicy,
  twoLevelPriorityPolicy,
} from './baselines/index';
import { POLICY_NAMES, type PolicyName } from './policyNames';

export { POLICY_NAMES, isPolicyName, type PolicyName } from './policyNames';

export interface ComparedPoliciesOptions {
  /** The two-level baseline's global cap on concurrent runs. */
  runCap?: number;
}

/**
 * Sluice's own policy as the simulator runs it. Reasons are kept for the head of the queue only:
 * the simulator never shows them, and with thousands waiting they would cost more than the decisions.
 */
export function sluiceForSimulation(): SchedulingPolicy {
  return createSluicePolicy({ maxReasons: 20 });
}

export function policyNamed(name: PolicyName, options: ComparedPoliciesOptions = {}): SchedulingPolicy {
  switch (name) {
    case 'fifo':
      return fifoPolicy;
    case 'two-level-priority':
      return twoLevelPriorityPolicy(options.runCap !== undefined ? { runCap: options.runCap } : {});
    case 'multi-level-first-fit':
      return multiLevelFirstFitPolicy;
    case 'easy-backfill':
      return easyBackfillPolicy;
    case 'conservative-backfill':
      return conservativeBackfillPolicy();
    case 'slurm-multifactor':
      return slurmMultifactorPolicy();
    case 'sluice':
      return sluiceForSimulation();
  }
}

/** The policies every comparison runs, on the same workload. */
export function comparedPolicies(options: ComparedPoliciesOptions = {}): SchedulingPolicy[] {
  return POLICY_NAMES.map((name) => policyNamed(name, options));
}
