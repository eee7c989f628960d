export * from './stores/sqlite/sqliteEventStore';
export * from './stores/sqlite/sqliteCheckpointStore';
export * from './stores/dynamodb/dynamoEventStore';
export { createEventStoreTable, eventStoreTableDefinition } from './stores/dynamodb/eventStoreTable';
export * from './backends/index';
export * from './stores/dynamodb/dynamoCheckpointStore';
export { CheckpointTooLargeError } from './stores/dynamodb/checkpointChunks';
