/** A consumer's concurrency is usually set to the largest single quota it feeds, Glue's 50 runs per account. */
export const DEFAULT_RUN_CAP = 50;
