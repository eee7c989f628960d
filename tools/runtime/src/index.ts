export { startLocalRuntime, type LocalRuntime, type LocalRuntimeOptions } from './localRuntime';
export { dataDir, dataDirPath, eventsFile } from './dataDir';
export { newJobId, wallClockContext } from './context';
export { DEMO_POOLS, demoJobs } from './demoWorkload';
export { localAdminSecret, registerAdminKey } from './adminKey';
export { DataDirInUseError } from './dataDirLock';
