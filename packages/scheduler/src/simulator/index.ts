export { simulate, type SimulationOptions, type SimulationRun } from './engine/simulate';
export {
  comparePolicies,
  workloadSummary,
  type Comparison,
  type CompareOptions,
  type PolicyOutcome,
} from './comparePolicies';
export {
  POLICY_NAMES,
  comparedPolicies,
  isPolicyName,
  policyNamed,
  sluiceForSimulation,
  type ComparedPoliciesOptions,
  type PolicyName,
} from './comparedPolicies';
export {
  fifoPolicy,
  multiLevelFirstFitPolicy,
  twoLevelPriorityPolicy,
  DEFAULT_RUN_CAP,
  type TwoLevelPriorityOptions,
} from './baselines/index';
export { parseSwf, type ParsedSwf } from './swf/parseSwf';
export { swfWorkload, SKIP_REASONS, SWF_POOL_ID, type SwfWorkloadOptions } from './swf/swfWorkload';
export { SwfParseError } from './swf/swfParseError';
export { SWF_FIELDS, type SwfHeader, type SwfRecord } from './swf/swfRecord';
export { syntheticDataLake, type SyntheticOptions } from './synthetic/generateDataLake';
export { seededRandom, type SeededRandom } from './random/seededRandom';
export { sliceWorkload } from './workload/sliceWorkload';
export type { SimJob, SimPool, Workload } from './workload/workload';
export { policyMetrics, type PolicyMetrics } from './metrics/policyMetrics';
export { distributionOf, type Distribution } from './metrics/distribution';
export { boundedSlowdown } from './metrics/boundedSlowdown';
export { jainIndex } from './metrics/jainIndex';
export { makespanLowerBound } from './metrics/makespanBound';
export { comparisonJson, type ComparisonJson } from './report/comparisonJson';
export { comparisonTable } from './report/comparisonTable';
export { waitChart } from './report/waitChart';
