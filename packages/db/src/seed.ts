/**
 * Demo data for the walking skeleton: three console users, three local authorities, and Northmoor's
 * registers (KPIs, risks, workstreams, recommendations: see seed-registers.ts).
 * Idempotent (upserts keyed on email / ONS code / register keys), so the dev launcher can run it on every start.
 *
 * Northmoor and Eastfield are fictional (their ONS codes are unassigned placeholders);
 * Worcestershire is real and public: its ILACS history is published by Ofsted.
 */
import type { PrismaClient } from './generated/prisma/client.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { seedDemoRegisters, type RegisterSeedResult } from './seed-registers.js';

export * from './seed-registers.js';

/** The one password every demo user has. Demo data only: never seed it into a real deployment. */
export const DEMO_PASSWORD = 'demo-password-2026';

/** Console roles. */
export type UserRole = 'programme_manager' | 'auditor' | 'admin';

/** Demo users (all with {@link DEMO_PASSWORD}), for seeding and for printing the demo login. */
export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: UserRole; password: string }> = [
  { email: 'pm@northmoor.gov.uk', name: 'Priya Shah', role: 'programme_manager', password: DEMO_PASSWORD },
  { email: 'auditor@northmoor.gov.uk', name: 'Alan Reid', role: 'auditor', password: DEMO_PASSWORD },
  { email: 'admin@northmoor.gov.uk', name: 'Demo Administrator', role: 'admin', password: DEMO_PASSWORD },
];

/** Demo local authorities, keyed by ONS code. */
export const DEMO_AUTHORITIES = [
  {
    onsCode: 'E09000099',
    name: 'Northmoor Borough Council',
    region: 'London',
    currentGrade: 'inadequate',
    interventionStatus: 'statutory_direction',
  },
  {
    onsCode: 'E10000034',
    name: 'Worcestershire County Council',
    region: 'West Midlands',
    currentGrade: 'requires_improvement',
    interventionStatus: null,
  },
  {
    onsCode: 'E08000099',
    name: 'Eastfield City Council',
    region: 'North West',
    currentGrade: 'requires_improvement',
    interventionStatus: null,
  },
] as const;

/** Counts of what {@link seedDemoData} ensured exists. */
export interface SeedResult extends RegisterSeedResult {
  users: number;
  authorities: number;
}

/**
 * Upserts the demo users and authorities, and creates Northmoor's registers where missing.
 * Re-running changes nothing except re-hashing a demo user's password if it no longer verifies
 * (so a changed demo password heals on the next start).
 */
export async function seedDemoData(prisma: PrismaClient): Promise<SeedResult> {
  for (const user of DEMO_USERS) {
    const existing = await prisma.user.findUnique({ where: { email: user.email } });
    const keepHash = existing && (await verifyPassword(user.password, existing.passwordHash));
    const passwordHash = keepHash ? existing.passwordHash : await hashPassword(user.password);
    await prisma.user.upsert({
      where: { email: user.email },
      create: { email: user.email, name: user.name, role: user.role, passwordHash },
      update: { name: user.name, role: user.role, passwordHash },
    });
  }
  for (const authority of DEMO_AUTHORITIES) {
    const { onsCode, ...fields } = authority;
    await prisma.localAuthority.upsert({
      where: { onsCode },
      create: { onsCode, ...fields },
      update: fields,
    });
  }
  const registers = await seedDemoRegisters(prisma);
  return { users: DEMO_USERS.length, authorities: DEMO_AUTHORITIES.length, ...registers };
}
