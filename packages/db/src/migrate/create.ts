/**
 * `prisma migrate dev --create-only` without the native engine or a shadow database: the wasm
 * schema engine diffs the schema snapshot saved with the last migration (or an empty database)
 * against prisma/schema.prisma, purely from the two schema texts. Nothing touches a database.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from '@prisma/driver-adapter-utils';
import type { DiffTarget } from '@prisma/schema-engine-wasm';
import {
  migrationTimestamp,
  normaliseMigrationName,
  readLatestSnapshot,
  writeMigration,
} from './migrations-dir.js';
import { MIGRATIONS_DIR, SCHEMA_PATH } from './paths.js';
import { withSchemaEngine } from './schema-engine.js';

/** Options for {@link createMigration}. */
export interface CreateMigrationOptions {
  /** Path of the Prisma schema to migrate to; default: this package's prisma/schema.prisma. */
  schemaPath?: string;
  /** Standard Prisma migrations folder; default: this package's prisma/migrations. */
  migrationsDir?: string;
  /** Clock for the folder's timestamp prefix (tests). */
  now?: Date;
  /** Where to print progress; defaults to console.log. */
  log?: (message: string) => void;
}

/** Result of {@link createMigration}: the new folder, or null when the schema has not changed. */
export type CreateMigrationResult = { folderName: string; dir: string; script: string } | null;

/** The server the generated SQL is written for: production runs PostgreSQL 15. */
const TARGET_SERVER = { version: 'PostgreSQL 15 (offline diff target)', versionNum: 150000 };

/**
 * The engine wants a connection even for a text-to-text diff. It only asks which server it is
 * talking to (to pick SQL dialect details), so this adapter answers that one probe with
 * {@link TARGET_SERVER} and refuses any other SQL: proof that creating a migration does no I/O.
 * (driver-adapter-utils' mock adapter lacks getConnectionInfo and answers nothing.)
 */
function offlineAdapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  const refuse = (what: string) => (...args: unknown[]) =>
    Promise.reject(
      new Error(`createMigration is offline; the engine unexpectedly tried ${what} ${JSON.stringify(args)}`),
    );
  const queryRaw = async (query: SqlQuery): Promise<SqlResultSet> => {
    if (!/^SELECT EXISTS\(SELECT 1 FROM pg_namespace WHERE nspname = \$1\), version\(\)/.test(query.sql)) {
      return refuse('queryRaw')(query);
    }
    return {
      columnNames: ['exists', 'version', 'numeric_version'],
      columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
      rows: [[true, TARGET_SERVER.version, TARGET_SERVER.versionNum]],
    };
  };
  const adapter: SqlDriverAdapter = {
    provider: 'postgres',
    adapterName: 'ip-offline-diff',
    getConnectionInfo: () => ({ schemaName: 'public', supportsRelationJoins: true }),
    queryRaw,
    executeRaw: refuse('executeRaw'),
    executeScript: refuse('executeScript'),
    startTransaction: refuse('startTransaction'),
    dispose: () => Promise.resolve(),
  };
  return {
    provider: 'postgres',
    adapterName: 'ip-offline-diff',
    connect: () => Promise.resolve(adapter),
    connectToShadowDb: refuse('a shadow database'),
  };
}

/** Diffs two schema texts into a PostgreSQL script; '' when they describe the same database. */
export async function diffSchemas(from: string | null, to: string): Promise<string> {
  const schemaTarget = (content: string): DiffTarget => ({
    tag: 'schemaDatamodel',
    files: [{ path: 'schema.prisma', content }],
  });
  const result = await withSchemaEngine(
    { adapterFactory: offlineAdapterFactory() },
    (engine) =>
      engine.diff({
        from: from === null ? { tag: 'empty' } : schemaTarget(from),
        to: schemaTarget(to),
        script: true,
        exitCode: true,
        filters: { externalTables: [], externalEnums: [] },
      }),
  );
  // exitCode 2 = non-empty diff (the `--exit-code` convention); 0 = nothing to do.
  return result.exitCode === 2 ? (result.stdout ?? '') : '';
}

/**
 * Writes `<migrationsDir>/<timestamp>_<name>/migration.sql` for the changes since the last
 * migration, with a snapshot of the schema for the next diff. Prints "no changes" and returns
 * null if there is nothing to migrate.
 */
export async function createMigration(
  name: string,
  options: CreateMigrationOptions = {},
): Promise<CreateMigrationResult> {
  const log = options.log ?? ((message: string) => console.log(message));
  const { schemaPath = SCHEMA_PATH, migrationsDir = MIGRATIONS_DIR } = options;
  const migrationName = normaliseMigrationName(name);
  const schema = await readFile(schemaPath, 'utf8');
  const previous = await readLatestSnapshot(migrationsDir);
  const script = await diffSchemas(previous, schema);
  if (script.trim() === '') {
    log('no changes: prisma/schema.prisma matches the last migration');
    return null;
  }
  const folderName = `${migrationTimestamp(options.now)}_${migrationName}`;
  const dir = await writeMigration({
    migrationsDir,
    folderName,
    script,
    schemaSnapshot: schema,
    provider: 'postgresql',
  });
  log(`created ${path.relative(process.cwd(), path.join(dir, 'migration.sql'))}`);
  return { folderName, dir, script };
}
