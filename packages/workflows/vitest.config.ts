import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts its own Temporal test server; on two cores, one at a time is fastest.
    fileParallelism: false,
  },
});
