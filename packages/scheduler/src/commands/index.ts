// The only code that appends: every write runs a decider on the aggregate's state and appends
// its events guarded by the version that state was read at.
export * from './commandContext';
export * from './loadAggregates';
export * from './jobCommands';
export * from './submitCommands';
export * from './submissionCheck';
export * from './poolCommands';
export * from './policyCommands';
export * from './definitionCommands';
export * from './recordAdmissionCycle';
export * from './admitJob';
export * from './queuedJobState';
export * from './reconcile/reconcileDecisions';
export * from './reconcile/reconcile';
