import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: end-to-end suites each start a Ward server, so keep parallelism modest.
    maxWorkers: 2,
    // Builds dist/ when stale: suites that spawn bin/ward.js run the compiled JavaScript.
    globalSetup: ['scripts/vitest-global-setup.mjs'],
  },
});
