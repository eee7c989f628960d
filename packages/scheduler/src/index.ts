export * from './lifecycle/index';
export * from './policy/snapshot';
export * from './projections/index';
export * from './reactor/index';
