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
export { comparisonJson, type ComparisonJson } from './report/comparisonJson';
export { comparisonTable } from './report/comparisonTable';
export { waitChart } from './report/waitChart';
