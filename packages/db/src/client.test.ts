import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedPrisma, createPrisma, type EmbeddedPrisma, type PrismaClient } from './index.js';
import { applyMigrations, MIGRATIONS_DIR } from './migrate/index.js';
import { COLUMNS_SQL, createTempDatabase, INDEXES_SQL, type TempDatabase } from './test-support/temp-database.js';

/** The same CRUD round trip, run against both databases. */
async function exerciseReadModel(prisma: PrismaClient) {
  const authority = await prisma.localAuthority.create({
    data: { onsCode: 'E09000098', name: 'Testshire Council', currentGrade: 'inadequate' },
  });
  const state = { phase: 'action_plan', actions: [{ id: 'a1', rag: 'amber' }], nested: { n: 1 } };
  await prisma.programme.create({
    data: {
      id: 'programme-E09000098-1',
      authorityId: authority.id,
      cycle: 1,
      phase: 'action_plan',
      reportReceivedOn: '2026-03-02',
      actionPlanDueOn: '2026-04-27',
      actionPlanDueAt: new Date('2026-04-27T23:59:59Z'),
      state,
      stateVersion: 3,
      startedAt: new Date('2026-03-02T09:00:00Z'),
    },
  });
  // Projection rule: only a newer stateVersion may overwrite the row.
  const stale = await prisma.programme.updateMany({
    where: { id: 'programme-E09000098-1', stateVersion: { lt: 2 } },
    data: { phase: 'stale', stateVersion: 2 },
  });
  expect(stale.count).toBe(0);

  const read = await prisma.programme.findUniqueOrThrow({
    where: { id: 'programme-E09000098-1' },
    include: { authority: true },
  });
  expect(read.state).toEqual(state);
  expect(read.authority.onsCode).toBe('E09000098');
  expect(read.actionPlanDueAt?.toISOString()).toBe('2026-04-27T23:59:59.000Z');

  const due = await prisma.programme.findMany({ where: { actionPlanDueOn: { lte: '2026-04-30' } } });
  expect(due.map((p) => p.id)).toEqual(['programme-E09000098-1']);

  const user = await prisma.user.create({
    data: { email: 'x@testshire.gov.uk', name: 'X', role: 'auditor', passwordHash: 'h' },
  });
  await prisma.session.create({ data: { id: 'token-hash', userId: user.id, expiresAt: new Date(Date.now() + 3600_000) } });
  await prisma.commandReceipt.create({
    data: { clientRequestId: 'req-1', userId: user.id, procedure: 'programme.start', resultJson: { ok: true } },
  });
  const [e1, e2] = await prisma.$transaction([
    prisma.auditEvent.create({ data: { entity: 'programme', entityId: 'programme-E09000098-1', action: 'start', after: state } }),
    prisma.auditEvent.create({ data: { entity: 'programme', entityId: 'programme-E09000098-1', action: 'update', reason: 'r' } }),
  ]);
  expect(typeof e1.id).toBe('bigint');
  expect(e2.id).toBeGreaterThan(e1.id);

  // Deleting a user ends their sessions and receipts; the audit trail stays.
  await prisma.user.delete({ where: { id: user.id } });
  expect(await prisma.session.count()).toBe(0);
  expect(await prisma.commandReceipt.count()).toBe(0);
  expect(await prisma.auditEvent.count()).toBe(2);
  // An authority with programmes cannot be deleted by accident.
  await expect(prisma.localAuthority.delete({ where: { id: authority.id } })).rejects.toThrow();
}

describe('createPrisma (PostgreSQL)', () => {
  let db: TempDatabase;
  let prisma: PrismaClient;
  beforeAll(async () => {
    db = await createTempDatabase();
    await applyMigrations({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });
    prisma = createPrisma({ databaseUrl: db.url });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it('creates, reads, updates and deletes through the read model', () => exerciseReadModel(prisma));
});

describe('createEmbeddedPrisma (PGlite)', () => {
  let dataDir: string;
  let embedded: EmbeddedPrisma;
  let db: TempDatabase;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'ip-pglite-'));
    db = await createTempDatabase();
    await applyMigrations({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });
  });
  afterAll(async () => {
    await embedded?.close();
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('creates and migrates a data dir on first open', async () => {
    const started = performance.now();
    embedded = await createEmbeddedPrisma({ dataDir });
    console.info(`PGlite open + migrate (cold data dir): ${Math.round(performance.now() - started)} ms`);
    expect(embedded.appliedMigrationNames.length).toBeGreaterThan(0);
  });

  it('creates, reads, updates and deletes through the read model', () => exerciseReadModel(embedded.prisma));

  it('gets exactly the tables, columns and indexes PostgreSQL 15 gets from the same migrations', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      for (const sql of [COLUMNS_SQL, INDEXES_SQL]) {
        const fromPg = (await client.query(sql)).rows;
        const fromPglite = (await embedded.pglite.query(sql)).rows;
        expect(fromPg.length).toBeGreaterThan(10);
        expect(fromPglite).toEqual(fromPg);
      }
    } finally {
      await client.end();
    }
  });

  it('reopens the data dir with its rows, applying nothing', async () => {
    await embedded.close();
    const started = performance.now();
    embedded = await createEmbeddedPrisma({ dataDir });
    console.info(`PGlite reopen + migrate check: ${Math.round(performance.now() - started)} ms`);
    expect(embedded.appliedMigrationNames).toEqual([]);
    expect(await embedded.prisma.programme.count()).toBe(1);
    expect(await embedded.prisma.auditEvent.count()).toBe(2);
  });
});
