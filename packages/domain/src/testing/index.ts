export * from './builders';
export * from './eventLog';
export * from './eventIds';
export * from './randomWorkload';
export * from './inMemoryEventStore';
