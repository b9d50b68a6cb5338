/**
 * `prisma migrate deploy` without the native engine: the wasm schema engine applies pending
 * migrations over a JS driver adapter and records them in `_prisma_migrations` exactly as the
 * CLI does (same table, checksums, advisory lock), so either tool can take over later.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import type {
  SqlDriverAdapterFactory,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { readMigrationsList } from './migrations-dir.js';
import { MIGRATIONS_DIR } from './paths.js';
import { withSchemaEngine } from './schema-engine.js';

/**
 * adapter-pg runs a script by splitting it on every ";", which breaks any migration with a function
 * or DO body (the live_events triggers). The native engine sends a migration whole; so does this:
 * one simple-protocol query, which PostgreSQL runs as one implicit transaction.
 */
class WholeScriptPg extends PrismaPg {
  override async connect(): ReturnType<PrismaPg['connect']> {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver();
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        (adapter as unknown as { onError(e: unknown): never }).onError(error);
      }
    };
    return adapter;
  }
}

/** Where to apply: an adapter factory (e.g. PGlite) or a PostgreSQL connection string. */
export type MigrationTarget =
  | { adapterFactory: SqlDriverAdapterFactory | SqlMigrationAwareDriverAdapterFactory; databaseUrl?: never }
  | { databaseUrl: string; adapterFactory?: never };

/** Options for {@link applyMigrations}. */
export type ApplyMigrationsOptions = MigrationTarget & {
  /** Folder in the standard Prisma layout (`<ts>_<name>/migration.sql`); default: this package's. */
  migrationsDir?: string;
  /** Receives engine log lines (JSON); silent by default. */
  onLog?: (line: string) => void;
};

/** Result of {@link applyMigrations}. */
export interface ApplyMigrationsResult {
  /** Folder names applied by this call, oldest first; empty when already up to date. */
  appliedMigrationNames: string[];
}

/**
 * Applies every migration not yet in `_prisma_migrations`, in folder order. Idempotent.
 * Fails (and applies nothing further) if a recorded migration failed or was edited.
 */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<ApplyMigrationsResult> {
  const adapterFactory = options.adapterFactory ?? new WholeScriptPg({ connectionString: options.databaseUrl });
  const migrationsList = await readMigrationsList(options.migrationsDir ?? MIGRATIONS_DIR);
  const result = await withSchemaEngine({ adapterFactory, onLog: options.onLog }, (engine) =>
    engine.applyMigrations({
      migrationsList,
      filters: { externalTables: [], externalEnums: [] },
    }),
  );
  return { appliedMigrationNames: result.appliedMigrationNames };
}
