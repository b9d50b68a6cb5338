import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from './index.js';
import { applyMigrations, MIGRATIONS_DIR } from './migrate/index.js';
import { verifyPassword } from './passwords.js';
import { DEMO_AUTHORITIES, DEMO_PASSWORD, DEMO_USERS, NORTHMOOR_PROGRAMME_ID, seedDemoData } from './seed.js';
import { createTempDatabase, type TempDatabase } from './test-support/temp-database.js';

describe('seedDemoData', () => {
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

  it('creates the demo users and authorities', async () => {
    expect(await seedDemoData(prisma)).toEqual({ users: 3, authorities: 3, kpis: 9, kpiReadings: 11, risks: 6, workstreams: 9, recommendations: 6 });
    const users = await prisma.user.findMany({ orderBy: { email: 'asc' } });
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ['admin@northmoor.gov.uk', 'admin'],
      ['auditor@northmoor.gov.uk', 'auditor'],
      ['pm@northmoor.gov.uk', 'programme_manager'],
    ]);
    expect(users.find((u) => u.role === 'programme_manager')?.name).toBe('Priya Shah');
    expect(users.find((u) => u.role === 'auditor')?.name).toBe('Alan Reid');
    for (const user of users) expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash)).toBe(true);

    const authorities = await prisma.localAuthority.findMany({ orderBy: { onsCode: 'asc' } });
    expect(authorities.map((a) => [a.onsCode, a.name])).toEqual([
      ['E08000099', 'Eastfield City Council'],
      ['E09000099', 'Northmoor Borough Council'],
      ['E10000034', 'Worcestershire County Council'],
    ]);
  });

  it('is idempotent: a second run changes no counts, ids or password hashes', async () => {
    const before = await prisma.user.findMany({ orderBy: { email: 'asc' } });
    const authoritiesBefore = await prisma.localAuthority.findMany({ orderBy: { onsCode: 'asc' } });
    await seedDemoData(prisma);
    const after = await prisma.user.findMany({ orderBy: { email: 'asc' } });
    const authoritiesAfter = await prisma.localAuthority.findMany({ orderBy: { onsCode: 'asc' } });
    expect(after.map((u) => [u.id, u.passwordHash])).toEqual(before.map((u) => [u.id, u.passwordHash]));
    expect(authoritiesAfter.map((a) => a.id)).toEqual(authoritiesBefore.map((a) => a.id));
    expect(await prisma.user.count()).toBe(DEMO_USERS.length);
    expect(await prisma.localAuthority.count()).toBe(DEMO_AUTHORITIES.length);
  });

  it('gives Northmoor its registers, keyed by the programme id the dev launcher will start', async () => {
    const programmeId = NORTHMOOR_PROGRAMME_ID;
    expect(programmeId).toBe('programme-E09000099-1');
    expect(await prisma.kpi.count({ where: { programmeId } })).toBe(9);
    expect(await prisma.kpiReading.count({ where: { kpi: { programmeId } } })).toBe(11);
    const caseload = await prisma.kpi.findUniqueOrThrow({ where: { programmeId_key: { programmeId, key: 'caseload_average' } }, include: { readings: true } });
    expect(caseload).toMatchObject({ direction: 'lower_is_better', target: 16, redBand: 20 });
    expect(caseload.readings.map((r) => [r.periodEnd, r.value])).toEqual([['2018-06-30', 17]]);
    const risks = await prisma.risk.findMany({ where: { programmeId }, orderBy: { ref: 'asc' } });
    expect(risks).toHaveLength(6);
    expect(risks[0]).toMatchObject({ ref: 'R01', beforeScore: 20, afterScore: 16, threshold: 12 });
    for (const r of risks) expect(r.afterScore).toBeLessThanOrEqual(r.beforeScore);
    const workstreams = await prisma.workstream.findMany({ where: { programmeId } });
    expect(workstreams).toHaveLength(9);
    expect(new Set(workstreams.map((w) => w.phase))).toEqual(new Set(['responding', 'strengthening']));
    expect(await prisma.recommendation.count({ where: { programmeId } })).toBe(6);
  });

  it('never overwrites a register row a user has since edited', async () => {
    const programmeId = NORTHMOOR_PROGRAMME_ID;
    const where = { programmeId_ref: { programmeId, ref: 'R04' } };
    await prisma.risk.update({ where, data: { title: 'Edited in the console' } });
    const counts = await Promise.all([prisma.kpi.count(), prisma.kpiReading.count(), prisma.risk.count(), prisma.workstream.count(), prisma.recommendation.count()]);
    await seedDemoData(prisma);
    expect((await prisma.risk.findUniqueOrThrow({ where })).title).toBe('Edited in the console');
    expect(await Promise.all([prisma.kpi.count(), prisma.kpiReading.count(), prisma.risk.count(), prisma.workstream.count(), prisma.recommendation.count()])).toEqual(counts);
  });

  it('exports the demo login for the dev launcher', () => {
    expect(DEMO_USERS.map((u) => u.email)).toContain('pm@northmoor.gov.uk');
    expect(DEMO_USERS.every((u) => u.password === 'demo-password-2026')).toBe(true);
  });
});
