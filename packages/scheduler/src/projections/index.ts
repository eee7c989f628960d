export * from './checkpointStore';
export * from './projectionRunner';
