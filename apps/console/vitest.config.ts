import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium against the real API, worker, Temporal dev server and PostgreSQL.
export default defineConfig({
  test: { include: ['e2e/**/*.test.ts', 'src/**/*.test.ts'], testTimeout: 90_000, hookTimeout: 120_000, fileParallelism: false },
});
