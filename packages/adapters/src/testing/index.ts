// Test support for the stores and backends: fakes of the services, DynamoDB Local, fault shapes.
// Nothing here imports vitest, so benchmarks may use it too; the contract suites are in ./contracts.
export * from './awsFaults';
export * from './dynamoLocal';
export * from './fakes/fakeBatch';
export * from './fakes/fakeEmr';
export * from './fakes/fakeGlue';
export * from './fakes/fakeKubernetes';
export * from './fakes/fakeLivy';
export * from './fakes/fakePrometheus';
export * from './fakes/fakeSlurm';
export * from './fakes/fakeStepFunctions';
export * from './fakes/localServer';
