export * from './eventStore/sqlite/sqliteEventStore';
export * from './projections/sqliteCheckpointStore';
