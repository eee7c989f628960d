// Test support for code that drives the API: an app on an in-memory store, seeded events.
export * from './testApi';
export * from './seedEvents';
export * from './metricsScenario';
export * from './contendedHistory';
