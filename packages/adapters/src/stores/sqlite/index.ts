// The embedded store on its own, for callers (the CLI) that need it without the cloud backends.
export * from './sqliteEventStore';
export * from './sqliteCheckpointStore';
