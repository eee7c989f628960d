export * from './taskTokens';
export * from './jobManagerTasks';
export * from './taskFailure';
