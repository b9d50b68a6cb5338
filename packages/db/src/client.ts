/**
 * Prisma clients for the read model: real PostgreSQL (production, CI) through adapter-pg, or
 * embedded PGlite (the zero-install default) through pglite-prisma-adapter. Both use the same
 * generated client and the same migrations folder.
 *
 * PGlite is single-process: two processes opening one data dir get no lock and silently lose
 * rows. Whoever calls createEmbeddedPrisma owns the database for the life of the process.
 */
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.js';
import { applyMigrations, type ApplyMigrationsResult } from './migrate/index.js';

/** Options for {@link createPrisma}. */
export interface CreatePrismaOptions {
  /** postgresql://user:pass@host:port/db */
  databaseUrl: string;
  /** Pool size per process; pg's default is 10. */
  maxConnections?: number;
}

/** A PrismaClient over a real PostgreSQL server. Call `$disconnect()` on shutdown. */
export function createPrisma(options: CreatePrismaOptions): PrismaClient {
  const adapter = new PrismaPg({ connectionString: options.databaseUrl, max: options.maxConnections });
  return new PrismaClient({ adapter });
}

/** Options for {@link createEmbeddedPrisma}. */
export interface CreateEmbeddedPrismaOptions {
  /** Directory for the PGlite data files; omit for an in-memory database. */
  dataDir?: string;
  /** Apply pending migrations before returning (idempotent). Default true. */
  migrate?: boolean;
  /** Migrations folder; defaults to this package's prisma/migrations. */
  migrationsDir?: string;
}

/** An embedded database: the client, the PGlite instance behind it, and how to shut both down. */
export interface EmbeddedPrisma {
  prisma: PrismaClient;
  pglite: PGlite;
  /** Names of migrations applied while opening (empty if already up to date or `migrate: false`). */
  appliedMigrationNames: string[];
  /** Disconnects Prisma, then closes PGlite (flushing it to disk). */
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) a PGlite database and a PrismaClient over it, migrated by default.
 * Only one process may open a given `dataDir` at a time.
 */
export async function createEmbeddedPrisma(options: CreateEmbeddedPrismaOptions = {}): Promise<EmbeddedPrisma> {
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    // PGlite's default shared_buffers is sized for a server; 16MB cut RSS by ~100 MB in tests.
    postgresqlconf: ['shared_buffers = 16MB'],
  });
  try {
    const { appliedMigrationNames } =
      options.migrate === false
        ? { appliedMigrationNames: [] }
        : await migrateEmbedded(pglite, { migrationsDir: options.migrationsDir });
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      prisma,
      pglite,
      appliedMigrationNames,
      close: async () => {
        await prisma.$disconnect();
        await pglite.close();
      },
    };
  } catch (error) {
    await pglite.close();
    throw error;
  }
}

/** Applies the migrations folder to a PGlite instance (same engine and table as for PostgreSQL). */
export function migrateEmbedded(
  pglite: PGlite,
  options: { migrationsDir?: string } = {},
): Promise<ApplyMigrationsResult> {
  return applyMigrations({
    adapterFactory: new PrismaPGlite(pglite),
    migrationsDir: options.migrationsDir,
  });
}
