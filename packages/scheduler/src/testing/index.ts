// Builders for the policy's tests: snapshots by hand, random scenarios, steady workloads.
export * from './snapshotBuilder';
export * from './scenarios';
export * from './steadyWorkload';
export * from './eventLog';
