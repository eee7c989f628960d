import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The function tests run against DynamoDB Local, started once per run by the adapters' setup.
    globalSetup: ['@sluice/adapters/testing/dynamoLocalSetup'],
    // aws-local-stepfunctions calls Promise.withResolvers, which Node 20 lacks: load it before anything.
    setupFiles: ['./src/testing/promiseWithResolvers.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
  },
});
