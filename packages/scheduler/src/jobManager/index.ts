export * from './taskTokens';
export * from './jobManagerTasks';
