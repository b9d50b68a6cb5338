import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_FILE } from './migrations-dir.js';
import { createMigration, diffSchemas, MIGRATIONS_DIR, readMigrationsList, SCHEMA_PATH } from './index.js';

describe('the committed migrations', () => {
  it('match prisma/schema.prisma (a schema change without `pnpm migrate:new` fails here)', async () => {
    const list = await readMigrationsList(MIGRATIONS_DIR);
    const latest = list.migrationDirectories.at(-1);
    expect(latest).toBeDefined();
    const snapshot = await readFile(path.join(MIGRATIONS_DIR, latest!.path, SNAPSHOT_FILE), 'utf8');
    const schema = await readFile(SCHEMA_PATH, 'utf8');
    expect(await diffSchemas(snapshot, schema)).toBe('');
  });

  it('have a PostgreSQL migration_lock.toml', async () => {
    const lock = await readFile(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), 'utf8');
    expect(lock).toContain('provider = "postgresql"');
  });
});

describe('createMigration', () => {
  let dir: string;
  let schemaPath: string;
  const logs: string[] = [];
  const log = (m: string) => logs.push(m);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ip-create-migration-'));
    schemaPath = path.join(dir, 'schema.prisma');
    // Start from the schema as it stood at the first migration, so "init" can be compared exactly.
    const first = (await readMigrationsList(MIGRATIONS_DIR)).migrationDirectories[0]!;
    await writeFile(schemaPath, await readFile(path.join(MIGRATIONS_DIR, first.path, SNAPSHOT_FILE), 'utf8'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes the first migration from an empty database, identical to the committed init', async () => {
    const migrationsDir = path.join(dir, 'migrations');
    const now = new Date('2026-01-02T03:04:05Z');
    const created = await createMigration('Init', { schemaPath, migrationsDir, now, log });
    expect(created?.folderName).toBe('20260102030405_init');
    expect(await readdir(migrationsDir)).toEqual(['20260102030405_init', 'migration_lock.toml']);

    const committed = (await readMigrationsList(MIGRATIONS_DIR)).migrationDirectories[0]!;
    const committedSql = await readFile(path.join(MIGRATIONS_DIR, committed.path, 'migration.sql'), 'utf8');
    expect(created?.script).toBe(committedSql);
    expect(await readFile(path.join(created!.dir, SNAPSHOT_FILE), 'utf8')).toBe(await readFile(schemaPath, 'utf8'));
  });

  it('prints "no changes" and writes nothing when the schema is unchanged', async () => {
    const migrationsDir = path.join(dir, 'migrations');
    const result = await createMigration('again', { schemaPath, migrationsDir, log });
    expect(result).toBeNull();
    expect(logs.at(-1)).toMatch(/no changes/);
    expect(await readdir(migrationsDir)).toHaveLength(2);
  });

  it('diffs against the previous snapshot, not an empty database', async () => {
    const migrationsDir = path.join(dir, 'migrations');
    const schema = await readFile(schemaPath, 'utf8');
    await writeFile(schemaPath, schema.replace('  region             String?', '  region             String?\n  website            String?'));
    const created = await createMigration('add website', {
      schemaPath,
      migrationsDir,
      now: new Date('2026-01-03T00:00:00Z'),
      log,
    });
    expect(created?.folderName).toBe('20260103000000_add_website');
    expect(created?.script.trim()).toBe('-- AlterTable\nALTER TABLE "local_authority" ADD COLUMN     "website" TEXT;');
  });
});
