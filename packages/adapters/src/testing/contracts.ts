// The contract suites every store and every backend adapter runs (they declare vitest tests).
export * from './backendContract';
export * from './reactorRace';
