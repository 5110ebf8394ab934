import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import './scripts/node20-polyfills.ts';

/**
 * Workers for both projects, which run together in one pool and must agree on it (vitest refuses
 * two counts in one group). Each e2e file starts its own browser and API: two cores take two at a time.
 */
const WORKERS = 2;

// Two projects: fast unit tests beside the code they test, and end-to-end tests that drive
// the built extension (npm run build:e2e) in real Chromium against the real API.
export default defineConfig({
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          // One worker runs many files: a fresh process per file cost these 98 files about 40 s of
          // `npm test`'s 8 minutes (spawn, environment, imports), more than their tests. Each file
          // restores what it changes (checked in three shuffled orders, 2026-12-02), and vitest
          // undoes stubbed globals and environment variables after each test.
          isolate: false,
          // Stated: without isolation vitest's default would differ from the e2e project's.
          maxWorkers: WORKERS,
          unstubGlobals: true,
          unstubEnvs: true,
          include: [
            'utils/**/*.test.{ts,tsx}',
            'components/**/*.test.{ts,tsx}',
            'entrypoints/**/*.test.{ts,tsx}',
            'server/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: WORKERS,
          fileParallelism: true,
        },
      },
    ],
  },
});
