import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    // aws-local-stepfunctions calls Promise.withResolvers, which Node 20 lacks: load it before anything.
    setupFiles: ['./test/support/promiseWithResolvers.ts'],
    testTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
  },
});
