import type { Comparison, PolicyOutcome } from '@sluice/scheduler';

export interface ComparisonJson {
  workload: Comparison['workload'];
  /** Keyed by policy name; times in seconds. */
  policies: Record<string, Omit<PolicyOutcome, 'policy'>>;
}

/** The comparison as one JSON-ready object, policies keyed by name. */
export function comparisonJson(comparison: Comparison): ComparisonJson {
  const policies: ComparisonJson['policies'] = {};
  for (const { policy, ...metrics } of comparison.policies) policies[policy] = metrics;
  return { workload: comparison.workload, policies };
}
