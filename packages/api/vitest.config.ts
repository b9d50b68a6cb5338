import { defineConfig } from 'vitest/config';

// Router tests create and migrate a PostgreSQL database per file.
export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 60_000 } });
