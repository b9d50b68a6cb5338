/**
 * Reassigning an action's owner, through the API on real services: the time-skipping Temporal
 * server running the real workflow bundle and activities, real PostgreSQL and a real SMTP server.
 * The command was added as a declaration (domain action/declarations.ts), its zod body and a
 * reducer case; everything this test drives (the procedure, its roles, the Update, the workflow's
 * check, the read model's owner columns, the audit fold, the reminders' recipients) is derived.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '@ip/activities';
import { ACTION, PROGRAMME, startRig, type Rig } from '@ip/activities/testing';
import { defaultCalendar, londonDateOf, type TRole } from '@ip/domain';
import { startTimeSkippingRig, type TimeSkippingRig } from '../audit/time-skipping.js';
import { createContextInner, type SessionUser } from '../context.js';
import { appRouter } from '../root.js';
import { failure, fieldsOf, rid } from '../test-support.js';
import { createCallerFactory } from '../trpc.js';

const cal = defaultCalendar();
const taskQueue = `reassign-${randomUUID()}`;
const createCaller = createCallerFactory(appRouter);
const OLD_OWNER = { name: 'Sam Patel', email: 'sam.patel@northmoor.gov.uk' };
const NEW_OWNER = { name: 'Lee Front', email: 'lee.front@northmoor.gov.uk' };

let rig: Rig;
let ts: TimeSkippingRig | undefined;
let env: TestWorkflowEnvironment;
let nowMs = 0;
const users = {} as Record<TRole, SessionUser>;
const as = (role: TRole) => createCaller(createContextInner({ prisma: rig.prisma, temporal: env.client, taskQueue, now: () => nowMs }, { user: users[role] }));

beforeAll(async () => {
  rig = await startRig();
  // The rig's placeholder action row has no workflow: this test adds its own.
  await rig.prisma.action.delete({ where: { id: ACTION } });
  for (const role of ['programme_manager', 'auditor', 'admin'] as const) {
    const row = await rig.prisma.user.create({ data: { email: `${role}@northmoor.gov.uk`, name: `${role} user`, role, passwordHash: 'x' } });
    users[role] = { id: row.id, email: row.email, name: row.name, role };
  }
  await rig.prisma.localAuthority.create({ data: { onsCode: 'E09000099', name: 'Northmoor Borough Council' } });
  // The time-skipping server has no Schedules: the programme's KPI-return Schedule is left out.
  const activities = { ...createActivities({ prisma: rig.prisma, delivery: rig.deps() }), ensureSchedule: async () => 'kpi-return' };
  ts = await startTimeSkippingRig(taskQueue, activities);
  env = ts.env;
}, 120_000);
afterAll(async () => {
  await ts?.close();
  await rig?.close();
});

describe('actions.reassignOwner (time-skipping Temporal, PostgreSQL, SMTP)', () => {
  it('moves the owner in the read model, the history and the audit, once per request, and the next reminder goes to the new owner', async () => {
    nowMs = await env.currentTimeMs();
    const today = londonDateOf(nowMs);
    const pm = as('programme_manager');
    const auditor = as('auditor');
    await pm.programmes.create({ clientRequestId: rid(), reason: 'Inadequate judgement received', onsCode: 'E09000099' });
    const dueOn = cal.addWorkingDays(today, 12);
    const a = (await pm.actions.create({ clientRequestId: rid(), reason: 'Priority 1', programmeId: PROGRAMME, title: 'Audit front-door decisions', owner: OLD_OWNER, dueOn, ofstedLinked: false, recommendationRefs: [] })).data;
    const before = await env.currentTimeMs();

    // Who may not, and what is not a command: refused before anything reaches the workflow.
    expect((await failure(auditor.actions.reassignOwner({ clientRequestId: rid(), reason: 'Looks wrong', actionId: a.id, ownerName: NEW_OWNER.name }))).code).toBe('FORBIDDEN');
    const blank = await failure(pm.actions.reassignOwner({ clientRequestId: rid(), reason: 'New owner', actionId: a.id, ownerName: ' ', ownerEmail: 'not-an-email' }));
    expect(blank.code).toBe('BAD_REQUEST');
    expect(fieldsOf(blank).sort()).toEqual(['ownerEmail', 'ownerName']);
    // What the domain refuses comes back with its reason.
    const same = await failure(pm.actions.reassignOwner({ clientRequestId: rid(), reason: 'Confirming', actionId: a.id, ownerName: 'sam patel', ownerEmail: OLD_OWNER.email }));
    expect(same.code).toBe('PRECONDITION_FAILED');
    expect(same.message).toBe('Sam Patel already owns this action');

    // The command, sent twice with one request id (a retry after a lost response): one effect.
    const command = { clientRequestId: rid(), reason: 'Sam Patel has moved to the fostering service', actionId: a.id, ownerName: NEW_OWNER.name, ownerEmail: NEW_OWNER.email };
    const first = (await pm.actions.reassignOwner(command)).data;
    const again = (await pm.actions.reassignOwner(command)).data;
    expect(first).toMatchObject({ ownerName: NEW_OWNER.name, ownerEmail: NEW_OWNER.email });
    expect(again.stateVersion).toBe(first.stateVersion);
    const row = await rig.prisma.action.findUniqueOrThrow({ where: { id: a.id } });
    expect([row.ownerName, row.ownerEmail]).toEqual([NEW_OWNER.name, NEW_OWNER.email]);

    // The action's own history: one line, with who and why.
    const shown = (await auditor.actions.getOne({ id: a.id })).data;
    const lines = shown.history.filter((h) => h.type === 'owner_reassigned');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ summary: 'Owner changed from Sam Patel to Lee Front', reason: command.reason, actor: { userId: users.programme_manager.id, role: 'programme_manager' } });

    // The audit folds the workflow's history: the owner as at before and after, and the business history's row.
    nowMs = await env.currentTimeMs();
    const asAt = async (at: number) => (await auditor.audit.asAt({ kind: 'action', workflowId: a.id, at })).data.view as { owner: { name: string } };
    expect((await asAt(before)).owner.name).toBe(OLD_OWNER.name);
    expect((await asAt(nowMs)).owner.name).toBe(NEW_OWNER.name);
    const history = await auditor.audit.history({ programmeId: PROGRAMME, pagination: { page: 1, perPage: 500 } });
    const rows = history.data.filter((r) => r.what.includes('Owner changed from Sam Patel to Lee Front'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.why).toBe(command.reason);

    // Reminders follow the owner: the T−10 WD reminder is emailed to the new owner, not the old.
    const reminder = (await pm.whatIf.action({ actionId: a.id, change: { kind: 'none' } })).data.asItStands.steps.find((s) => s.stepId === 'remind-10')!;
    await env.sleep(reminder.fireAt + 3_600_000 - (await env.currentTimeMs()));
    const escalation = await rig.prisma.escalation.findFirstOrThrow({ where: { subjectId: a.id, stepId: 'remind-10' } });
    await expect.poll(async () => (await rig.prisma.emailDelivery.findMany({ where: { escalationId: escalation.id } })).map((d) => d.recipientEmail), { timeout: 30_000 })
      .toEqual([NEW_OWNER.email]);
  }, 300_000);
});
