export * from './commandContext';
export * from './loadAggregates';
export * from './jobHandlers';
export * from './poolHandlers';
export * from './admitJob';
export * from './queuedJobState';
