/**
 * What-if against what really happens, on the real time-skipping Temporal server, real PostgreSQL
 * and a real SMTP server, through the API:
 *  - an action: ask "what if its due date moved 15 working days" (whatIf.action), then really
 *    approve that extension and let time pass: the escalations recorded (ids, steps, instants) are
 *    the predicted ones, and their emails went to the predicted people in the predicted mode;
 *  - another action left undone ("what if it is not done"), the same;
 *  - the programme's 30-WD publication clock: ask "what if it is published 2 working days late",
 *    then publish it then: every programme escalation recorded is a predicted one;
 *  - the business history (audit.history): each escalation's row carries that escalation's emails.
 * The worker runs the real activities (projections, escalations with their delivery plans, the
 * delivery workflow's SMTP sends); only the KPI-return Schedule is left out, which the
 * time-skipping server cannot run (it has no Schedules).
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '@ip/activities';
import { ACTION, PEOPLE, PROGRAMME, startRig, type Rig } from '@ip/activities/testing';
import { defaultCalendar, londonDateOf, londonLocalTimeUtcMs, type TRole } from '@ip/domain';
import { startTimeSkippingRig, type TimeSkippingRig } from '../audit/time-skipping.js';
import { createContextInner, type SessionUser } from '../context.js';
import { appRouter } from '../root.js';
import { failure, fieldsOf } from '../test-support.js';
import { createCallerFactory } from '../trpc.js';

const cal = defaultCalendar();
const taskQueue = `what-if-${randomUUID()}`;
const createCaller = createCallerFactory(appRouter);
const OWNER = { name: 'Helen Okafor', email: 'helen.okafor@northmoor.gov.uk' };

let rig: Rig;
let ts: TimeSkippingRig | undefined;
let env: TestWorkflowEnvironment;
let nowMs = 0;
const users = {} as Record<TRole, SessionUser>;
const as = (role: TRole) => createCaller(createContextInner({ prisma: rig.prisma, temporal: env.client, taskQueue, now: () => nowMs }, { user: users[role] }));
const rid = () => `req-${randomUUID()}`;

beforeAll(async () => {
  rig = await startRig();
  // The rig's placeholder action row has no workflow: this test adds its own actions.
  await rig.prisma.action.delete({ where: { id: ACTION } });
  for (const role of ['programme_manager', 'auditor', 'admin'] as const) {
    const row = await rig.prisma.user.create({ data: { email: `${role}@northmoor.gov.uk`, name: `${role} user`, role, passwordHash: 'x' } });
    users[role] = { id: row.id, email: row.email, name: row.name, role };
  }
  await rig.prisma.localAuthority.create({ data: { onsCode: 'E09000099', name: 'Northmoor Borough Council' } });
  const activities = { ...createActivities({ prisma: rig.prisma, delivery: rig.deps() }), ensureSchedule: async () => 'kpi-return' };
  ts = await startTimeSkippingRig(taskQueue, activities);
  env = ts.env;
}, 120_000);
afterAll(async () => {
  await ts?.close();
  await rig?.close();
});

const sleepUntil = async (at: number) => {
  const now = await env.currentTimeMs();
  if (at > now) await env.sleep(at - now);
  nowMs = await env.currentTimeMs();
};

/** Waits (real time) until every email of the programme has left 'planned' and 'sending'. */
async function deliveriesSettled(): Promise<void> {
  await expect
    .poll(() => rig.prisma.emailDelivery.count({ where: { programmeId: PROGRAMME, status: { in: ['planned', 'sending'] } } }), { timeout: 60_000, interval: 500, message: 'emails still waiting to be sent' })
    .toBe(0);
}

type Step = { escalationId: string | null; stepId: string; fireAt: number; firedAt: number; late: boolean; raised: boolean; recipients: Array<{ email: string; role: string; mode: string }>; gaps: Array<{ role: string }> };

/** What really got recorded for a subject up to `until`, against the raised steps predicted. */
async function expectAsPredicted(subjectId: string, predicted: Step[], until: number): Promise<void> {
  const real = await rig.prisma.escalation.findMany({ where: { subjectId, fireAt: { lte: new Date(until) } }, orderBy: [{ fireAt: 'asc' }, { id: 'asc' }] });
  const raised = predicted.filter((s) => s.raised).sort((a, b) => a.fireAt - b.fireAt || (a.escalationId! < b.escalationId! ? -1 : 1));
  expect(real.map((e) => [e.id, e.stepId, e.fireAt.getTime(), e.raisedLate])).toEqual(raised.map((s) => [s.escalationId, s.stepId, s.fireAt, s.late]));
  for (const [i, e] of real.entries()) {
    // The workflow reaches a step when its timer fires: within moments of the predicted instant.
    expect(Math.abs(e.firedAt.getTime() - raised[i]!.firedAt)).toBeLessThan(60_000);
    const emails = await rig.prisma.emailDelivery.findMany({ where: { escalationId: e.id } });
    const p = raised[i]!;
    expect(emails.map((d) => [d.recipientEmail, d.recipientRole, d.mode]).sort()).toEqual([
      ...p.recipients.map((r) => [r.email, r.role, r.mode]),
      ...p.gaps.map((g) => ['', g.role, 'immediate']),
    ].sort());
  }
}

describe('what-if against what really fires (time-skipping Temporal, PostgreSQL, SMTP)', () => {
  it('an extension, an action left undone and a late publication: the escalations recorded and their emails are the predicted ones', async () => {
    nowMs = await env.currentTimeMs();
    const today = londonDateOf(nowMs);
    const pm = as('programme_manager');
    const admin = as('admin');
    const auditor = as('auditor');

    // The owner takes reminders in a daily digest: the prediction says so, and the plan holds them.
    await admin.deliveryPreferences.set({ clientRequestId: rid(), reason: 'Asked for a daily digest', email: OWNER.email, preference: { reminders: 'digest', escalations: 'immediate' } });
    await pm.programmes.create({ clientRequestId: rid(), reason: 'Inadequate judgement received', onsCode: 'E09000099' });
    await pm.programmes.recordInspection({
      clientRequestId: rid(), reason: 'Report received today', programmeId: PROGRAMME,
      inspection: { type: 'standard', fieldworkStartedOn: cal.addWorkingDays(today, -15), fieldworkEndedOn: cal.addWorkingDays(today, -10), reportReceivedOn: today, judgements: { overallEffectiveness: 'inadequate' } },
    });
    const dueA = cal.addWorkingDays(today, 8);
    const dueB = cal.addWorkingDays(today, 4);
    const a = (await pm.actions.create({ clientRequestId: rid(), reason: 'Priority 1', programmeId: PROGRAMME, title: 'Audit front-door decisions', workstream: 'front-door', owner: OWNER, dueOn: dueA, ofstedLinked: true, recommendationRefs: [] })).data;
    const b = (await pm.actions.create({ clientRequestId: rid(), reason: 'Priority 1', programmeId: PROGRAMME, title: 'Refresh the threshold document', workstream: 'front-door', owner: OWNER, dueOn: dueB, ofstedLinked: false, recommendationRefs: [] })).data;

    // The questions, asked before anything is done.
    nowMs = await env.currentTimeMs();
    const newDueA = cal.addWorkingDays(dueA, 15);
    const wA = (await pm.whatIf.action({ actionId: a.id, change: { kind: 'extension', newDueOn: newDueA } })).data;
    const wB = (await pm.whatIf.action({ actionId: b.id, change: { kind: 'none' } })).data;
    const wC = (await pm.whatIf.clock({ programmeId: PROGRAMME, clock: 'publishReport', change: { kind: 'slips', workingDays: 2 } })).data;
    // Auditors may ask too, and get the same answer: asking changes nothing.
    expect((await auditor.whatIf.action({ actionId: a.id, change: { kind: 'extension', newDueOn: newDueA } })).data.withChange).toEqual(wA.withChange);
    expect((await rig.prisma.action.findUniqueOrThrow({ where: { id: a.id } })).dueOn).toBe(dueA);

    // What the answers say, in the terms a programme manager reads them.
    const stepsA = wA.withChange!.steps;
    expect(stepsA.filter((s) => s.raised).map((s) => s.stepId)).toEqual(['remind-10', 'remind-5', 'red-0', 'pm-5', 'director-10', 'dfe-20']);
    expect(stepsA.find((s) => s.stepId === 'remind-10')!.recipients).toEqual([expect.objectContaining({ email: OWNER.email, role: 'owner', mode: 'digest' })]);
    expect(stepsA.find((s) => s.stepId === 'red-0')!.recipients.map((r) => r.email)).toEqual(['lee.front@northmoor.gov.uk']);
    expect(stepsA.find((s) => s.stepId === 'dfe-20')!.recipients.map((r) => r.role).sort()).toEqual(['board_chair', 'dfe_adviser']);
    expect(wA.comparison!.stops).toEqual([]);
    expect(wA.comparison!.moves.map((m) => m.from.stepId)).toEqual(['remind-5', 'red-0', 'pm-5', 'director-10', 'dfe-20']);
    expect(wA.boardExceptions.withChange!.map((s) => s.stepId)).toEqual(['director-10', 'dfe-20']);
    // The programme figures it moves: today the extension turns an amber action green; once both are overdue, one less overdue.
    expect(wA.figures.changes[0]).toMatchObject({ from: nowMs, differences: ['front-door: amber 2 → 1, green 0 → 1'] });
    expect(wA.figures.changes.some((c) => c.differences.includes('Overdue actions: 2 → 1'))).toBe(true);
    expect(wC.comparison.starts.map((s) => s.stepId)).toEqual(['due-0']);
    expect(wC.comparison.starts[0]!.recipients.map((r) => r.email)).toEqual(['dcs@northmoor.gov.uk']);
    // Nobody holds the chief executive's role: the plan deadline's escalation would go to nobody, and says so.
    expect(wC.slipped.steps.find((s) => s.ladderId === 'action-plan' && s.stepId === 'due-0')!.gaps.map((g) => g.role)).toEqual(['chief_executive']);

    // Now really do it: the extension approved by a second person, the report published 2 working days late.
    await pm.actions.requestExtension({ clientRequestId: rid(), reason: 'Recruitment delayed', actionId: a.id, newDueOn: newDueA, justification: 'Two social workers start in the new year' });
    await admin.actions.approveExtension({ clientRequestId: rid(), reason: 'Agreed at the improvement board', actionId: a.id });
    await sleepUntil(londonLocalTimeUtcMs(wC.slipped.doneOn!, 17, 0));
    await pm.programmes.publishReport({ clientRequestId: rid(), reason: 'Published on the council website', programmeId: PROGRAMME, publishedOn: wC.slipped.doneOn! });
    await sleepUntil(Math.max(wA.until, wB.until, wC.until) + 3_600_000);
    await deliveriesSettled();

    await expectAsPredicted(a.id, stepsA, wA.until);
    await expectAsPredicted(b.id, wB.asItStands.steps, wB.until);
    await expectAsPredicted(PROGRAMME, wC.slipped.steps, wC.until);
    const sent = await rig.prisma.emailDelivery.findMany({ where: { programmeId: PROGRAMME, status: 'sent' } });
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.every((d) => PEOPLE.some((p) => p.email === d.recipientEmail) || d.recipientEmail === OWNER.email)).toBe(true);

    // The business history: each escalation on one row, with its emails as the Outbox has them.
    const history = await auditor.audit.history({ programmeId: PROGRAMME, filter: { category: 'escalation', includeSystem: false }, pagination: { page: 1, perPage: 500 } });
    const recorded = await rig.prisma.escalation.findMany({ where: { programmeId: PROGRAMME } });
    for (const e of recorded) {
      const rows = history.data.filter((r) => r.escalationIds.includes(e.id));
      expect(rows, e.id).toHaveLength(1);
      const emails = await rig.prisma.emailDelivery.findMany({ where: { escalationId: e.id } });
      expect(rows[0]!.deliveries.filter((d) => d.escalationId === e.id).map((d) => d.id).sort()).toEqual(emails.map((d) => d.id).sort());
    }
    const directorRow = history.data.find((r) => r.deliveries.some((d) => d.recipientRole === 'director' && d.status === 'sent'))!;
    expect(directorRow.deliveries.find((d) => d.recipientRole === 'director')).toMatchObject({ recipientEmail: 'dcs@northmoor.gov.uk', status: 'sent', serverResponse: expect.stringMatching(/^250/) });
  }, 600_000);

  it('refuses what cannot be asked, on the field at fault, and what the workflow would refuse, with its reason', async () => {
    nowMs = await env.currentTimeMs();
    const today = londonDateOf(nowMs);
    const pm = as('programme_manager');
    const dueOn = cal.addWorkingDays(today, 10);
    const c = (await pm.actions.create({ clientRequestId: rid(), reason: 'Priority 2', programmeId: PROGRAMME, title: 'Publish the practice standards', owner: OWNER, dueOn, ofstedLinked: false, recommendationRefs: [] })).data;
    nowMs = await env.currentTimeMs();
    expect((await failure(pm.whatIf.action({ actionId: 'action-nobody', change: { kind: 'none' } }))).code).toBe('NOT_FOUND');
    const earlier = await failure(pm.whatIf.action({ actionId: c.id, change: { kind: 'extension', newDueOn: today } }));
    expect([earlier.code, fieldsOf(earlier)]).toEqual(['BAD_REQUEST', ['change.newDueOn']]);
    expect(earlier.message).toMatch(/after the current due date/);
    const notADate = await failure(pm.whatIf.action({ actionId: c.id, change: { kind: 'extension', newDueOn: '2027-02-30' } }));
    expect(fieldsOf(notADate)).toEqual(['change.newDueOn']);
    // The publication clock was met above; the plan clock runs, the priority-action plan never started.
    const notRunning = await failure(pm.whatIf.clock({ programmeId: PROGRAMME, clock: 'priorityActionPlan', change: { kind: 'not_done' } }));
    expect([notRunning.code, fieldsOf(notRunning)]).toEqual(['BAD_REQUEST', ['clock']]);
    const past = await failure(pm.whatIf.clock({ programmeId: PROGRAMME, clock: 'actionPlan', change: { kind: 'done_on', doneOn: cal.addWorkingDays(today, -1) } }));
    expect([past.code, fieldsOf(past)]).toEqual(['BAD_REQUEST', ['change.doneOn']]);

    await as('admin').actions.cancel({ clientRequestId: rid(), reason: 'Superseded by the revised plan', actionId: c.id });
    nowMs = await env.currentTimeMs();
    const closed = await failure(pm.whatIf.action({ actionId: c.id, change: { kind: 'extension', newDueOn: cal.addWorkingDays(dueOn, 5) } }));
    expect([closed.code, closed.message]).toEqual(['PRECONDITION_FAILED', expect.stringMatching(/would be refused: .*cancelled/)]);
    const nothing = (await pm.whatIf.action({ actionId: c.id, change: { kind: 'none' } })).data;
    expect([nothing.asItStands.steps, nothing.asItStands.end]).toEqual([[], 'finished']);
  });
});
