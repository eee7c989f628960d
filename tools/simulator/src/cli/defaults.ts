export const DEFAULT_SYNTHETIC_JOBS = 10_000;
export const DEFAULT_CHART = 'simulation-wait.svg';
/** Below this many jobs a run takes about as long as starting a thread and loading the code into it. */
export const THREADS_FROM_JOBS = 5000;
