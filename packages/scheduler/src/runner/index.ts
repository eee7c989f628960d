export * from './jobRunner';
export * from './startRetryDelay';
