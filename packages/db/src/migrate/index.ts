/**
 * Offline migration runner for @ip/db: Prisma's schema engine compiled to wasm, over JS driver
 * adapters, so no native engine download is needed. apply.ts = `migrate deploy`,
 * create.ts = `migrate dev --create-only` (diff against the last migration's schema snapshot).
 */
export { applyMigrations } from './apply.js';
export type { ApplyMigrationsOptions, ApplyMigrationsResult, MigrationTarget } from './apply.js';
export { createMigration, diffSchemas } from './create.js';
export type { CreateMigrationOptions, CreateMigrationResult } from './create.js';
export { readMigrationsList, SNAPSHOT_FILE } from './migrations-dir.js';
export { MIGRATIONS_DIR, SCHEMA_PATH } from './paths.js';
export { schemaEngineVersion, withSchemaEngine } from './schema-engine.js';
