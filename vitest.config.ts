import { defineConfig } from 'vitest/config';

/** Every test file: the SQLite project runs them all. */
const ALL = [
  'shared/src/**/*.test.ts',
  'hub/test/**/*.test.ts',
  'hub/src/**/*.test.ts',
  'desktop/src/main/**/*.test.ts',
  'desktop/src/preload/**/*.test.ts',
  'desktop/src/cli/**/*.test.ts',
  'desktop/src/renderer/**/*.test.ts',
  'scripts/**/*.test.mjs',
  'desktop/e2e/**/*.test.ts',
];

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    // One switch for the database: the hub suite runs on SQLite (the default) and again with
    // every hub on a throw-away PostgreSQL server (hub/test/support/database.ts).
    projects: [
      { extends: true, test: { name: 'sqlite', include: ALL } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['hub/test/**/*.test.ts', 'hub/src/**/*.test.ts'],
          globalSetup: ['hub/test/support/global-postgres.ts'],
        },
      },
    ],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Real hubs, browsers and softphones on a shared 2-core machine: a state that arrives in
    // 1 s alone can take several while other test files run. Waits are bounded, not timed.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    maxWorkers: 2,
    reporters: ['default'],
  },
});
