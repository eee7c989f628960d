export * from './commands/index';
export * from './policy/index';
export * from './projections/index';
export * from './reactor/index';
export * from './runner/index';
export * from './jobManager/index';
export * from './queries/index';
export * from './simulation/index';
