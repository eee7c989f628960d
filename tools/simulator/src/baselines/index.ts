export { fifoPolicy } from './fifo';
export { twoLevelPriorityPolicy, type TwoLevelPriorityOptions } from './twoLevelPriority';
export { DEFAULT_RUN_CAP } from './runCap';
export { multiLevelFirstFitPolicy } from './multiLevelFirstFit';
