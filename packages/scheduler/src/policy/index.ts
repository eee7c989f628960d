export * from './snapshot';
export * from './cycleTypes';
export { admissionCycle } from './admissionCycle';
export { sluicePolicy, createSluicePolicy } from './sluicePolicy';
export { DEFAULT_AGING_SECONDS, agingBoundSeconds, agingScore, effectiveLevel } from './effectivePriority';
export { classLadder, type ClassLadder } from './classLadder';
export { snapshotBuilder, type SnapshotBuilder } from '../testing/snapshotBuilder';
export { admissibilityProblems, type AdmissibilityOptions, type AdmissibilityProblem } from './admissibility';
