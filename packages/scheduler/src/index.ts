export * from './lifecycle/index';
export * from './policy/snapshot';
