export * from './eventStore/sqlite/sqliteEventStore';
export * from './projections/sqliteCheckpointStore';
export * from './eventStore/dynamo/dynamoEventStore';
export { createEventStoreTable, eventStoreTableDefinition } from './eventStore/dynamo/eventStoreTable';
export * from './backends/index';
