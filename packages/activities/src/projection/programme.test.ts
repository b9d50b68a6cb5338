import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from '@ip/db';
import { applyMigrations } from '@ip/db/migrate';
import { createTempDatabase, type TempDatabase } from '@ip/db/testing';
import { defaultLifecycleContext, reduceProgramme, type TProgrammeState } from '@ip/domain';
import { createActivities, insertStartedProgramme, startedProgrammeRow } from '../index.js';

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

describe('the row the API writes for a just-started programme (stateVersion 0)', () => {
  const started = (id: string, at: number, version: number): TProgrammeState => ({
    ...reduceProgramme(null, { type: 'programme_started', at, actor, reason: 'r', programmeId: id, onsCode: 'E09000098', authorityName: 'Southmoor Council', cycle: 1 }, defaultLifecycleContext()),
    version,
  });
  const authorityId = async () => (await prisma.localAuthority.upsert({ where: { onsCode: 'E09000098' }, update: {}, create: { onsCode: 'E09000098', name: 'Southmoor Council' } })).id;

  it('the worker’s first projection supersedes it when it lands after', async () => {
    const { projectProgramme } = createActivities({ prisma });
    expect(await insertStartedProgramme(prisma, startedProgrammeRow(started('p-after', 1_000, 0), await authorityId()))).toBe(true);
    expect(await prisma.programme.findUniqueOrThrow({ where: { id: 'p-after' } })).toMatchObject({ stateVersion: 0, phase: 'awaiting_inspection', startedAt: new Date(1_000) });
    await new MockActivityEnvironment().run(projectProgramme, started('p-after', 2_000, 1));
    const row = await prisma.programme.findUniqueOrThrow({ where: { id: 'p-after' } });
    expect({ version: row.stateVersion, startedAt: row.startedAt }).toEqual({ version: 1, startedAt: new Date(2_000) });
  });

  it('writes nothing when the worker was first, nor on a retry', async () => {
    const { projectProgramme } = createActivities({ prisma });
    await new MockActivityEnvironment().run(projectProgramme, started('p-before', 2_000, 1));
    expect(await insertStartedProgramme(prisma, startedProgrammeRow(started('p-before', 1_000, 0), await authorityId()))).toBe(false);
    expect(await insertStartedProgramme(prisma, startedProgrammeRow(started('p-before', 3_000, 0), await authorityId()))).toBe(false);
    const row = await prisma.programme.findUniqueOrThrow({ where: { id: 'p-before' } });
    expect({ version: row.stateVersion, startedAt: row.startedAt }).toEqual({ version: 1, startedAt: new Date(2_000) });
  });

  it('refuses a state that is not a start (it would skip the inspection and plan rows)', async () => {
    const [, s2] = states() as [TProgrammeState, TProgrammeState];
    expect(() => startedProgrammeRow(s2, 'any')).toThrow(/not the state of a start/);
  });
});

describe('inspections and action plans projected from the programme', () => {
  const ctx = defaultLifecycleContext();
  const inadequate = (reportReceivedOn: string) => ({
    type: 'standard' as const, fieldworkStartedOn: '2025-09-29', fieldworkEndedOn: '2025-10-10', reportReceivedOn,
    judgements: { overallEffectiveness: 'inadequate' as const, careLeavers: 'requires_improvement' as const },
  });

  it('keeps one row per inspection and per cycle’s plan, moving forward only', async () => {
    const { projectProgramme } = createActivities({ prisma });
    const env = new MockActivityEnvironment();
    const programmeId = 'programme-E09000097-1';
    const s1 = reduceProgramme(null, { type: 'programme_started', at: 1, actor, reason: 'r', programmeId, onsCode: 'E09000097', authorityName: 'Eastholm Council', cycle: 1 }, ctx);
    const s2 = reduceProgramme(s1, { type: 'inspection_recorded', at: 2, actor, reason: 'r', inspection: inadequate('2025-11-03') }, ctx);
    const s3 = reduceProgramme(s2, { type: 'plan_submitted', at: 3, actor, reason: 'r', submittedOn: '2026-02-10' }, ctx);
    const s4 = reduceProgramme(s3, { type: 'plan_response_recorded', at: 4, actor, reason: 'r', outcome: 'returned', letterOn: '2026-02-20', comments: 'Too vague' }, ctx);
    for (const s of [s1, s2, s4, s3, s4]) await env.run(projectProgramme, s); // s3 arrives late: ignored

    const plan = await prisma.actionPlan.findUniqueOrThrow({ where: { id: `${programmeId}/plan/1` } });
    expect(plan).toMatchObject({ status: 'returned', dueOn: '2026-02-12', submittedOn: '2026-02-10', responseOutcome: 'returned', responseComments: 'Too vague', stateVersion: 4 });
    const [inspection] = await prisma.inspection.findMany({ where: { programmeId } });
    expect(inspection).toMatchObject({ kind: 'inspection', cycle: 1, overallEffectiveness: 'inadequate', reportReceivedOn: '2025-11-03' });
    expect(inspection?.judgements).toMatchObject({ careLeavers: 'requires_improvement' });

    // Resubmitted, accepted, monitored, then re-inspected and still inadequate: a second cycle.
    const s5 = reduceProgramme(s4, { type: 'plan_submitted', at: 5, actor, reason: 'r', submittedOn: '2026-03-02' }, ctx);
    const s6 = reduceProgramme(s5, { type: 'plan_response_recorded', at: 6, actor, reason: 'r', outcome: 'accepted', letterOn: '2026-03-20' }, ctx);
    const s7 = reduceProgramme(s6, { type: 'reinspection_recorded', at: 7, actor, reason: 'r', inspection: inadequate('2027-11-01') }, ctx);
    for (const s of [s5, s6, s7]) await env.run(projectProgramme, s);

    const plans = await prisma.actionPlan.findMany({ where: { programmeId }, orderBy: { cycle: 'asc' } });
    expect(plans.map((p) => [p.cycle, p.status])).toEqual([[1, 'accepted'], [2, 'drafting']]);
    const inspections = await prisma.inspection.findMany({ where: { programmeId }, orderBy: { reportReceivedOn: 'asc' } });
    expect(inspections.map((i) => [i.kind, i.cycle, i.reportReceivedOn])).toEqual([['inspection', 1, '2025-11-03'], ['re-inspection', 2, '2027-11-01']]);
  });
});
