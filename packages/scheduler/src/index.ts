export * from './lifecycle/index';
export * from './policy/index';
export * from './projections/index';
export * from './reactor/index';
export * from './runner/index';
export * from './jobManager/index';
export * from './simulator/index';
