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
  easyBackfillPolicy,
  conservativeBackfillPolicy,
  slurmMultifactorPolicy,
  DEFAULT_RUN_CAP,
  DEFAULT_MAX_PLANNED_JOBS,
  SLURM_MULTIFACTOR_WEIGHTS,
  type TwoLevelPriorityOptions,
  type ConservativeBackfillOptions,
  type MultifactorWeights,
} from './baselines/index';
export { parseSwf, type ParsedSwf } from './swf/parseSwf';
export { swfWorkload, SKIP_REASONS, SWF_POOL_ID, type SwfWorkloadOptions } from './swf/swfWorkload';
export { SwfParseError } from './swf/swfParseError';
export { SWF_FIELDS, type SwfHeader, type SwfRecord } from './swf/swfRecord';
export { syntheticDataLake, type SyntheticOptions } from './synthetic/generateDataLake';
export { saturatedDataLake, SINGLE_SOURCE, type SaturatedOptions } from './synthetic/saturatedDataLake';
export { recurringPipelines, FLOODING_SOURCE, PIPELINES_POOL, type PipelinesOptions } from './synthetic/recurringPipelines';
export { offeredLoad, type OfferedLoad, type PoolLoad } from './synthetic/offeredLoad';
export { withoutEstimates } from './workload/withoutEstimates';
export { comparisonJson, type ComparisonJson } from './report/comparisonJson';
export { comparisonTable } from './report/comparisonTable';
export { waitChart } from './report/waitChart';
