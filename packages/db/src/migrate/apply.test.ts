import { createHash } from 'node:crypto';
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.js';
import { applyMigrations, MIGRATIONS_DIR, readMigrationsList } from './index.js';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('applyMigrations on PostgreSQL', () => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await createTempDatabase();
  });
  afterAll(() => db?.drop());

  it('applies every migration to an empty database, then is a no-op', async () => {
    const expected = (await readMigrationsList(MIGRATIONS_DIR)).migrationDirectories.map((d) => d.path);
    expect(expected.length).toBeGreaterThan(0);

    const started = performance.now();
    const first = await applyMigrations({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });
    const firstMs = performance.now() - started;
    expect(first.appliedMigrationNames).toEqual(expected);

    const second = await applyMigrations({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });
    expect(second.appliedMigrationNames).toEqual([]);
    console.info(`migrate on PostgreSQL: ${Math.round(firstMs)} ms cold`);
  });

  it('records each migration in _prisma_migrations as the Prisma CLI does', async () => {
    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>(db.url, 'SELECT * FROM _prisma_migrations ORDER BY migration_name');
    const list = await readMigrationsList(MIGRATIONS_DIR);
    expect(rows.map((r) => r.migration_name)).toEqual(list.migrationDirectories.map((d) => d.path));
    for (const row of rows) {
      const sql = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('creates the read-model tables', async () => {
    const tables = await query<{ table_name: string }>(
      db.url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    expect(tables.map((t) => t.table_name)).toEqual([
      '_prisma_migrations',
      'action',
      'action_plan',
      'app_user',
      'audit_event',
      'command_receipt',
      'delivery_preference',
      'email_delivery',
      'email_delivery_attempt',
      'escalation',
      'history_verification',
      'inspection',
      'kpi',
      'kpi_reading',
      'lifecycle_record',
      'live_event',
      'local_authority',
      'programme',
      'programme_person',
      'programme_settings',
      'recommendation',
      'risk',
      'saved_view',
      'session',
      'sign_in_throttle',
      'workflow_history_archive',
      'workstream',
    ]);
  });
});

describe('applyMigrations from two processes at once (API and worker starting together)', () => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await createTempDatabase();
  });
  afterAll(() => db?.drop());

  it('applies each migration exactly once (the engine takes the CLI advisory lock)', async () => {
    const [a, b] = await Promise.all([
      applyMigrations({ databaseUrl: db.url }),
      applyMigrations({ databaseUrl: db.url }),
    ]);
    const applied = [...a.appliedMigrationNames, ...b.appliedMigrationNames].sort();
    const expected = (await readMigrationsList(MIGRATIONS_DIR)).migrationDirectories.map((d) => d.path);
    expect(applied).toEqual(expected);
    const rows = await query<{ n: string }>(db.url, 'SELECT count(*) AS n FROM _prisma_migrations');
    expect(Number(rows[0]?.n)).toBe(expected.length);
  });
});

describe('applyMigrations failures', () => {
  let db: TempDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTempDatabase();
    dir = await mkdtemp(path.join(tmpdir(), 'ip-migrations-'));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
  });
  afterAll(async () => {
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('stops at a failing migration, reports the database error, and refuses to go on', async () => {
    const broken = path.join(dir, '29991231000000_broken');
    await mkdir(broken);
    await writeFile(path.join(broken, 'migration.sql'), 'ALTER TABLE "no_such_table" ADD COLUMN "x" TEXT;\n');

    const error = await applyMigrations({ databaseUrl: db.url, migrationsDir: dir }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/no_such_table/);
    expect((error as Error).message).toMatch(/29991231000000_broken/);
    // The good migrations before it stay applied; the failed one is recorded as failed.
    const rows = await query<{ migration_name: string; finished_at: Date | null }>(
      db.url,
      'SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.at(-1)).toMatchObject({ migration_name: '29991231000000_broken', finished_at: null });
    expect(rows.slice(0, -1).every((r) => r.finished_at !== null)).toBe(true);
    // Like `prisma migrate deploy` (P3009): no further deploys until the failure is resolved.
    await expect(applyMigrations({ databaseUrl: db.url, migrationsDir: dir })).rejects.toThrow(/failed/i);
  });
});
