import { defineConfig } from 'vitest/config';

// Each scenario starts, kills and restarts real processes: one at a time, with generous timeouts.
export default defineConfig({
  test: { testTimeout: 480_000, hookTimeout: 180_000, fileParallelism: false },
});
