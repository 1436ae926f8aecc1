import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: [
      'shared/src/**/*.test.ts',
      'hub/test/**/*.test.ts',
      'hub/src/**/*.test.ts',
      'desktop/src/main/**/*.test.ts',
      'desktop/src/preload/**/*.test.ts',
      'desktop/src/cli/**/*.test.ts',
      'desktop/src/renderer/**/*.test.ts',
      'scripts/**/*.test.mjs',
      'desktop/e2e/**/*.test.ts',
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
