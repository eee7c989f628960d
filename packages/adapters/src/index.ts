export * from './eventStore/sqlite/sqliteEventStore';
