import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Real PostgreSQL and PGlite: a cold PGlite data dir takes ~5 s to initialise on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
