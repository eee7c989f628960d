import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['./src/testing/chromiumSetup.ts'],
    // Every file imports the same heavy modules: loading them once per worker instead of once per
    // file saves most of the run's CPU. Tests build their own stores and apps.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
  },
});
