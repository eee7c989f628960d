export * from './eventStore/sqlite/sqliteEventStore';
export * from './projections/checkpointStore';
export * from './projections/sqliteCheckpointStore';
export * from './projections/projectionRunner';
