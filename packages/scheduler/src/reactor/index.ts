export * from './snapshotOf';
export * from './wakeEvents';
export * from './writeDecisions';
export * from './schedulerReactor';
