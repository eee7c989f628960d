export { fifoPolicy } from './fifo';
export { twoLevelPriorityPolicy, type TwoLevelPriorityOptions } from './twoLevelPriority';
export { DEFAULT_RUN_CAP } from './runCap';
export { multiLevelFirstFitPolicy } from './multiLevelFirstFit';
export { easyBackfillPolicy } from './easyBackfill';
export {
  conservativeBackfillPolicy,
  DEFAULT_MAX_PLANNED_JOBS,
  type ConservativeBackfillOptions,
} from './conservativeBackfill';
export { slurmMultifactorPolicy } from './slurmMultifactor';
export { SLURM_MULTIFACTOR_WEIGHTS, type MultifactorWeights } from './multifactorPriority';
