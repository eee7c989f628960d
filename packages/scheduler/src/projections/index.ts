export * from './checkpointStore';
export * from './projectionRunner';
export * from './readModel/index';
export * from './pendingIndexing';
