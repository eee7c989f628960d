export { simulate, type SimulationOptions, type SimulationRun } from './engine/simulate';
export { simulationLog } from './engine/simulationLog';
export { DEFAULT_EPOCH_MS, isoAtSeconds } from './engine/virtualClock';
export {
  comparePolicies,
  workloadSummary,
  type Comparison,
  type CompareOptions,
  type PolicyOutcome,
} from './comparePolicies';
export { seededRandom, type SeededRandom } from './random/seededRandom';
export { sliceWorkload } from './workload/sliceWorkload';
export { fitsSomePool } from './workload/fitsSomePool';
export { weightOfSource, type SimJob, type SimPool, type Workload } from './workload/workload';
export { policyMetrics, type PolicyMetrics } from './metrics/policyMetrics';
export { distributionOf, type Distribution } from './metrics/distribution';
export { boundedSlowdown } from './metrics/boundedSlowdown';
export { jainIndex } from './metrics/jainIndex';
export { makespanLowerBound } from './metrics/makespanBound';
