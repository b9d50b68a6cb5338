import { defineConfig } from 'vitest/config';

// One cluster for the whole suite (see src/cluster.test.ts): scenarios run one after another.
export default defineConfig({
  test: { testTimeout: 600_000, hookTimeout: 300_000, fileParallelism: false },
});
