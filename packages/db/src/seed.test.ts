import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from './index.js';
import { applyMigrations, MIGRATIONS_DIR } from './migrate/index.js';
import { verifyPassword } from './passwords.js';
import { DEMO_AUTHORITIES, DEMO_PASSWORD, DEMO_USERS, seedDemoData } from './seed.js';
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
    expect(await seedDemoData(prisma)).toEqual({ users: 3, authorities: 3 });
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

  it('exports the demo login for the dev launcher', () => {
    expect(DEMO_USERS.map((u) => u.email)).toContain('pm@northmoor.gov.uk');
    expect(DEMO_USERS.every((u) => u.password === 'demo-password-2026')).toBe(true);
  });
});
