import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from '@ip/db';
import { applyMigrations } from '@ip/db/migrate';
import { createTempDatabase, type TempDatabase } from '@ip/db/testing';
import { defaultLifecycleContext, reduceProgramme, type TProgrammeState } from '@ip/domain';
import { createActivities } from '../index.js';

let db: TempDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTempDatabase();
  await applyMigrations({ databaseUrl: db.url });
  prisma = createPrisma({ databaseUrl: db.url });
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

const actor = { userId: 'u1', role: 'programme_manager' as const };
function states(): TProgrammeState[] {
  const ctx = defaultLifecycleContext();
  const s1 = reduceProgramme(null, { type: 'programme_started', at: 1, actor, reason: 'r', programmeId: 'programme-E09000099-1', onsCode: 'E09000099', authorityName: 'Northmoor Borough Council', cycle: 1 }, ctx);
  const s2 = reduceProgramme(s1, {
    type: 'inspection_recorded', at: 2, actor, reason: 'r',
    inspection: { type: 'standard', fieldworkStartedOn: '2025-09-29', fieldworkEndedOn: '2025-10-10', reportReceivedOn: '2025-11-03', judgements: { overallEffectiveness: 'inadequate' } },
  }, ctx);
  const s3 = reduceProgramme(s2, { type: 'plan_submitted', at: 3, actor, reason: 'r', submittedOn: '2026-02-10' }, ctx);
  return [s1, s2, s3];
}

describe('projectProgramme on real PostgreSQL', () => {
  it('projects monotonically: a late retry of an older version never overwrites a newer one', async () => {
    const { projectProgramme } = createActivities({ prisma });
    const env = new MockActivityEnvironment();
    const [s1, s2, s3] = states() as [TProgrammeState, TProgrammeState, TProgrammeState];
    await env.run(projectProgramme, s1);
    await env.run(projectProgramme, s3);
    await env.run(projectProgramme, s2); // a retried, older activity arriving late
    await env.run(projectProgramme, s3); // and a duplicate
    const row = await prisma.programme.findUniqueOrThrow({ where: { id: s1.programmeId }, include: { authority: true } });
    expect(row.stateVersion).toBe(3);
    expect(row.phase).toBe('plan_submitted');
    expect(row.actionPlanDueOn).toBe('2026-02-12');
    expect(row.authority.currentGrade).toBe('inadequate');
    expect(await prisma.programme.count()).toBe(1);
    expect(await prisma.localAuthority.count()).toBe(1);
  });
});
