/**
 * The inspections and actionPlans routers through createCaller on real PostgreSQL. Rows are written
 * the way the worker writes them: programme reducer → projectProgrammeState (and actions through
 * projectActionState); "now" is pinned so working days left are exact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectActionState, projectProgrammeState } from '@ip/activities';
import {
  DEFAULT_ACTION_LADDER, DEFAULT_ACTION_RULES, defaultActionContext, defaultLifecycleContext, londonMidnightUtcMs, reduceAction,
  reduceProgramme, ZActionDefinition, type TActor, type TProgrammeState,
} from '@ip/domain';
import { appRouter } from '../root.js';
import { createCallerFactory } from '../trpc.js';
import { createContextInner } from '../context.js';
import { failure, fieldsOf, startRouterTest, type RouterTest } from '../test-support.js';

const at = (d: string) => londonMidnightUtcMs(d) + 10 * 3_600_000;
const NOW = at('2026-02-02');
const pm: TActor = { userId: 'u-pm', role: 'programme_manager', name: 'Priya Shah' };
const ID = 'programme-E09000098-1';
const inspection = (reportReceivedOn: string, overall: 'inadequate' | 'good') => ({
  type: 'standard' as const, fieldworkStartedOn: '2025-09-29', fieldworkEndedOn: '2025-10-10', reportReceivedOn, leadInspector: 'HMI Jones',
  judgements: { overallEffectiveness: overall, helpAndProtection: overall, careLeavers: 'requires_improvement' as const },
});

let t: RouterTest;
let inspected: TProgrammeState;
beforeAll(async () => {
  t = await startRouterTest();
  const ctx = defaultLifecycleContext();
  const started = reduceProgramme(null, { type: 'programme_started', at: at('2025-11-03'), actor: pm, reason: 'r', programmeId: ID, onsCode: 'E09000098', authorityName: 'Westdale Council', cycle: 1 }, ctx);
  inspected = reduceProgramme(started, { type: 'inspection_recorded', at: at('2025-11-03'), actor: pm, reason: 'Report in', inspection: inspection('2025-11-03', 'inadequate') }, ctx);
  await projectProgrammeState(t.prisma, inspected);
  await t.prisma.workstream.create({ data: { programmeId: ID, key: 'front-door', name: 'Front door', leadName: 'Jo Lead', phase: 'delivery', priorityNumber: 1 } });
  await t.prisma.recommendation.createMany({ data: [
    { programmeId: ID, ref: 'R1', text: 'Strengthen management oversight', judgementArea: 'helpAndProtection', sourceInspectionId: 'x' },
    { programmeId: ID, ref: 'R2', text: 'Improve care leavers’ pathway plans', judgementArea: 'careLeavers', sourceInspectionId: 'x' },
  ] });
  const actx = defaultActionContext();
  for (const [id, dueOn, refs] of [['a-late', '2026-01-30', ['R1']], ['a-later', '2026-06-30', []]] as const) {
    const definition = ZActionDefinition.parse({ programmeId: ID, title: id, owner: { name: 'Alex Owner' }, dueOn, workstream: 'front-door', recommendationRefs: refs, ofstedLinked: false });
    await projectActionState(t.prisma, reduceAction(null, { type: 'action_created', at: at('2025-12-01'), actor: pm, reason: 'r', actionId: id, definition, ladder: DEFAULT_ACTION_LADDER, rules: DEFAULT_ACTION_RULES }, actx));
  }
});
afterAll(() => t?.close());

const as = (role: 'programme_manager' | 'auditor') =>
  createCallerFactory(appRouter)(createContextInner({ prisma: t.prisma, temporal: {} as never, now: () => NOW }, { user: t.users[role] }));

describe('inspections', () => {
  it('lists a programme’s inspections with the judgement grid in Ofsted’s words', async () => {
    const { data, total } = await as('auditor').inspections.getList({ filter: { programmeId: ID } });
    expect(total).toBe(1);
    expect(data[0]).toMatchObject({ kind: 'inspection', overallEffectivenessLabel: 'Inadequate', reportReceivedOn: '2025-11-03', leadInspector: 'HMI Jones' });
    expect(data[0]?.grid.map((g) => [g.area, g.gradeLabel])).toEqual([
      ['overallEffectiveness', 'Inadequate'], ['impactOfLeaders', 'Not judged'], ['helpAndProtection', 'Inadequate'],
      ['childrenInCare', 'Not judged'], ['careLeavers', 'Requires improvement to be good'],
    ]);
    const one = await as('programme_manager').inspections.getOne({ id: data[0]!.id });
    expect(one.data.id).toBe(`${ID}/inspection/2025-11-03`);
    expect((await as('auditor').inspections.getManyReference({ target: 'programmeId', id: ID })).total).toBe(1);
    expect((await as('auditor').inspections.getList({ filter: { overallEffectiveness: 'good' } })).total).toBe(0);
  });

  it('names the filter field of an impossible date, and a missing id is NOT_FOUND', async () => {
    const bad = await failure(as('auditor').inspections.getList({ filter: { receivedFrom: '2026-02-30' } }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(fieldsOf(bad)).toEqual(['filter.receivedFrom']);
    expect((await failure(as('auditor').inspections.getOne({ id: 'nope' }))).code).toBe('NOT_FOUND');
  });
});

describe('action plans', () => {
  it('shows the plan’s deadline in working days and its content: workstreams → actions, recommendations answered', async () => {
    const { data } = await as('auditor').actionPlans.getList({ filter: { programmeId: ID } });
    expect(data).toHaveLength(1);
    // 70 WD from 3 November 2025 is 12 February 2026; from Monday 2 February that is 8 working days.
    expect(data[0]).toMatchObject({ id: `${ID}/plan/1`, status: 'drafting', dueOn: '2026-02-12', workingDaysLeft: 8, overdue: false });
    const plan = (await as('auditor').actionPlans.getOne({ id: `${ID}/plan/1` })).data;
    expect(plan.summary.total).toBe(2);
    expect(plan.workstreams.map((w) => [w.key, w.name, w.total])).toEqual([['front-door', 'Front door', 2]]);
    expect(plan.workstreams[0]?.rag.red).toBe(1); // a-late was due on 30 January
    expect(plan.recommendations.map((r) => [r.ref, r.answered, r.answeredBy])).toEqual([['R1', true, ['a-late']], ['R2', false, []]]);
  });

  it('filters overdue plans and follows the plan through submission', async () => {
    const late = createCallerFactory(appRouter)(createContextInner({ prisma: t.prisma, temporal: {} as never, now: () => at('2026-02-13') }, { user: t.users.auditor }));
    expect((await late.actionPlans.getList({ filter: { overdue: true } })).data.map((p) => p.id)).toEqual([`${ID}/plan/1`]);
    expect((await as('auditor').actionPlans.getList({ filter: { overdue: 'true' } })).total).toBe(0);
    const submitted = reduceProgramme(inspected, { type: 'plan_submitted', at: at('2026-02-10'), actor: pm, reason: 'Signed off', submittedOn: '2026-02-10' }, defaultLifecycleContext());
    await projectProgrammeState(t.prisma, submitted);
    const plan = (await late.actionPlans.getOne({ id: `${ID}/plan/1` })).data;
    expect(plan).toMatchObject({ status: 'submitted', submittedOn: '2026-02-10', overdue: false, workingDaysLeft: null });
    expect((await late.actionPlans.getList({ filter: { overdue: true } })).total).toBe(0);
  });
});
