/**
 * The what-if simulation, as pure code: the ladder's future of an action as it stands and with an
 * extension, the late-escalation rule, refusals the workflow would give, and a programme clock that
 * slips. (What it predicts is compared with what really fires on the time-skipping Temporal server
 * in packages/api/src/what-if/what-if.temporal.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ACTION_LADDER, defaultCalendar, endOfLondonDayUtcMs, escalationId, LifecycleRejection, londonLocalTimeUtcMs, scheduleLadder, type TActionState, type TActor,
} from '@ip/domain';
import { actionMachine } from '../action/machine.js';
import type { ActionWorkflowArgs, ProgrammeWorkflowArgs } from '../definitions.js';
import { programmeMachine } from '../programme/machine.js';
import { actionWhatIf, clockWhatIf, simulate } from './index.js';

const cal = defaultCalendar();
const pm: TActor = { userId: 'u-pm', role: 'programme_manager', name: 'Priya Shah' };
const ID = 'action-programme-E09000099-1-a1';
/** Monday 2 March 2026, 10:00 London. */
const T0 = londonLocalTimeUtcMs('2026-03-02', 10, 0);

function created(dueOn: string, at = T0, ofstedLinked = true): { args: ActionWorkflowArgs; state: TActionState } {
  const args: ActionWorkflowArgs = {
    definition: { programmeId: 'programme-E09000099-1', title: 'Audit front-door decisions', owner: { name: 'Helen Okafor' }, dueOn, ofstedLinked },
    actor: pm, reason: 'Added to the plan',
  };
  return { args, state: actionMachine(args).init(args, ID, at) };
}
const schedule = (dueOn: string) => scheduleLadder(DEFAULT_ACTION_LADDER, dueOn, cal, { ofstedLinked: true });

describe('action what-if', () => {
  it('as it stands: every step of the ladder at its instant, with the fact the workflow records, and the RAG week by week', () => {
    const dueOn = cal.addWorkingDays('2026-03-02', 30);
    const { args, state } = created(dueOn);
    const before = structuredClone(state);
    const w = actionWhatIf({ state, args, workflowId: ID, now: T0, change: { kind: 'none' } });
    expect(state).toEqual(before); // changes nothing

    const expected = schedule(dueOn);
    expect(w.asItStands.steps.map((s) => [s.stepId, s.outcome, s.fireAt, s.firedAt, s.escalationId])).toEqual(
      expected.map((x) => [x.step.id, 'fired', x.fireAt, x.fireAt, escalationId(ID, 'action-default', x.step.id, 0)]));
    const red = w.asItStands.steps.find((s) => s.stepId === 'red-0')!;
    expect(red).toMatchObject({ offsetWorkingDays: 0, workingDaysFromNow: 30, dueOn, boardException: false, late: false });
    expect(red.fact).toEqual({
      id: red.escalationId, workflowId: ID, programmeId: 'programme-E09000099-1', subjectKind: 'action', subjectId: ID, subjectTitle: 'Audit front-door decisions',
      ladderId: 'action-default', stepId: 'red-0', kind: 'escalation', level: 'workstream_lead', label: red.label, dueOn, fireAt: red.fireAt, firedAt: red.fireAt, raisedLate: false,
    });
    expect(w.asItStands.steps.filter((s) => s.boardException).map((s) => s.stepId)).toEqual(['director-10', 'dfe-20']);
    expect(w.asItStands.steps.filter((s) => s.kind === 'reminder').map((s) => s.workingDaysFromNow)).toEqual([20, 25]);

    // Week by week: green, then amber in the last 10 working days, then red once overdue (and stale on the way).
    const rags = w.asItStands.weeks.map((x) => x.rag).join(' ');
    expect(rags).toMatch(/^(green )+(amber )+(red ?)+$/);
    const overdueWeek = w.asItStands.weeks.find((x) => x.at > red.fireAt)!;
    expect(overdueWeek).toMatchObject({ rag: 'red', overdue: true });
    expect(w.asItStands.weeks.some((x) => x.flags.includes('stale'))).toBe(true);
    // The timeline says so in the reducer's words.
    expect(w.asItStands.timeline.some((l) => /RAG changed from amber to red/.test(l.summary))).toBe(true);
    // Red and stale, with every step reached: time alone changes nothing more before the horizon.
    expect(w.asItStands.end).toBe('quiet');
    expect(w.until).toBe(endOfLondonDayUtcMs(cal.addWorkingDays(dueOn, 60)));
  });

  it('with an extension approved now: every step moves to the new date under a new baseline, the RAG stays green longer', () => {
    const dueOn = cal.addWorkingDays('2026-03-02', 8);
    const newDueOn = cal.addWorkingDays(dueOn, 25);
    const { args, state } = created(dueOn);
    const w = actionWhatIf({ state, args, workflowId: ID, now: T0, change: { kind: 'extension', newDueOn } });
    const moved = schedule(newDueOn);
    expect(w.withChange!.steps.map((s) => [s.stepId, s.fireAt, s.escalationId])).toEqual(
      moved.map((x) => [x.step.id, x.fireAt, escalationId(ID, 'action-default', x.step.id, 1)]));
    // Created 8 WD before its date, the first reminders were never owed for the old date: the extension starts them.
    expect(w.comparison!.starts.map((s) => s.stepId)).toEqual(['remind-10']);
    expect(w.comparison!.moves.map((m) => [m.from.stepId, m.from.fireOn, m.to.fireOn])).toEqual(
      ['remind-5', 'red-0', 'pm-5', 'director-10', 'dfe-20'].map((id) => [id, schedule(dueOn).find((x) => x.step.id === id)!.fireOn, moved.find((x) => x.step.id === id)!.fireOn]));
    expect(w.comparison!.stops).toEqual([]);
    expect(w.withChange!.timeline[0]!.summary).toMatch(/^Extension requested/);
    expect(w.withChange!.timeline[1]!.summary).toMatch(/^Extension approved: due date moved/);
    expect(w.asItStands.weeks[0]!.rag).toBe('amber');
    expect(w.withChange!.weeks[0]!.rag).toBe('green');
    expect(w.samples).toEqual(w.withChange!.weeks.map((x) => x.at));
  });

  it('a request already waiting for that date is approved; one for another date is turned down first', () => {
    const dueOn = cal.addWorkingDays('2026-03-02', 8);
    const { args, state: s0 } = created(dueOn);
    const spec = actionMachine(args);
    const asked = cal.addWorkingDays(dueOn, 10);
    const state = spec.reduce(s0, spec.updates.requestActionExtension!({ actor: pm, reason: 'Recruitment delayed', newDueOn: asked, justification: 'Two social workers start late' }, T0, s0));
    const same = actionWhatIf({ state, args, workflowId: ID, now: T0 + 60_000, change: { kind: 'extension', newDueOn: asked } });
    expect(same.withChange!.timeline.filter((l) => l.type.startsWith('extension_')).map((l) => l.type)).toEqual(['extension_approved']);
    const other = actionWhatIf({ state, args, workflowId: ID, now: T0 + 60_000, change: { kind: 'extension', newDueOn: cal.addWorkingDays(dueOn, 20) } });
    expect(other.withChange!.timeline.filter((l) => l.type.startsWith('extension_')).map((l) => l.type)).toEqual(['extension_rejected', 'extension_requested', 'extension_approved']);
  });

  it('found due long after its instant (the workflow down): the late-escalation rule, as the workflow applies it', () => {
    const dueOn = cal.addWorkingDays('2026-03-02', 2);
    const { args, state } = created(dueOn);
    const now = londonLocalTimeUtcMs(cal.addWorkingDays(dueOn, 12), 10, 0);
    const w = actionWhatIf({ state, args, workflowId: ID, now, change: { kind: 'none' } });
    expect(w.asItStands.steps.map((s) => [s.stepId, s.outcome, s.late, s.firedAt === now])).toEqual([
      ['red-0', 'superseded', false, true],
      ['pm-5', 'superseded', false, true],
      ['director-10', 'fired', true, true],
      ['dfe-20', 'fired', false, false],
    ]);
    expect(w.asItStands.steps.filter((s) => s.raised).map((s) => s.fact?.raisedLate)).toEqual([true, false]);
  });

  it('refuses what the workflow would refuse, with its reason', () => {
    const dueOn = cal.addWorkingDays('2026-03-02', 8);
    const { args, state } = created(dueOn);
    expect(() => actionWhatIf({ state, args, workflowId: ID, now: T0, change: { kind: 'extension', newDueOn: '2026-03-03' } })).toThrow(LifecycleRejection);
    expect(() => actionWhatIf({ state, args, workflowId: ID, now: T0, change: { kind: 'extension', newDueOn: '2026-03-03' } })).toThrow(/must move the due date later/);
    const spec = actionMachine(args);
    const cancelled = spec.reduce(state, { type: 'action_cancelled', at: T0, actor: pm, reason: 'Superseded' });
    const w = actionWhatIf({ state: cancelled, args, workflowId: ID, now: T0, change: { kind: 'none' } });
    expect(w.asItStands.steps).toEqual([]);
    expect(w.asItStands.end).toBe('finished');
    expect(() => actionWhatIf({ state: cancelled, args, workflowId: ID, now: T0, change: { kind: 'extension', newDueOn: '2026-06-01' } })).toThrow(/cancelled/);
  });

  it('stepping is memoryless, as the runner is: two halves give what one pass gives', () => {
    const dueOn = cal.addWorkingDays('2026-03-02', 15);
    const { args, state } = created(dueOn);
    const spec = actionMachine(args);
    const end = londonLocalTimeUtcMs(cal.addWorkingDays(dueOn, 40), 0, 0);
    const mid = londonLocalTimeUtcMs(cal.addWorkingDays(dueOn, 3), 13, 27);
    const whole = simulate(spec, state, { workflowId: ID, from: T0, until: end });
    const first = simulate(spec, state, { workflowId: ID, from: T0, until: mid });
    const second = simulate(spec, first.final, { workflowId: ID, from: mid, until: end });
    const shape = (e: { event: { type: string; at: number } }) => [e.event.type, e.event.at];
    expect([...first.events, ...second.events].map(shape)).toEqual(whole.events.map(shape));
    expect(second.final).toEqual(whole.final);
  });
});

describe('programme clock what-if', () => {
  const pargs: ProgrammeWorkflowArgs = { programmeId: 'programme-E09000099-1', onsCode: 'E09000099', authorityName: 'Northmoor Borough Council', cycle: 1, actor: pm, reason: 'Programme set up' };
  /** Northmoor (BRIEF (e)): report received Monday 3 November 2025, the 70-WD plan due Thursday 12 February 2026. */
  function northmoor() {
    const spec = programmeMachine(pargs);
    const at = londonLocalTimeUtcMs('2025-11-03', 12, 0);
    const s0 = spec.init(pargs, pargs.programmeId, at);
    const inspection = { type: 'standard', fieldworkStartedOn: '2025-10-20', fieldworkEndedOn: '2025-10-24', reportReceivedOn: '2025-11-03', judgements: { overallEffectiveness: 'inadequate' } };
    return { at, state: spec.reduce(s0, spec.updates.recordInspection!({ actor: pm, reason: 'Report received', inspection }, at, s0)) };
  }

  it('the plan 3 working days late: the chief executive is told at the deadline, the board (at +5) is not', () => {
    const { at, state } = northmoor();
    const w = clockWhatIf({ state, args: pargs, now: at, clock: 'actionPlan', change: { kind: 'slips', workingDays: 3 } });
    expect(w.clock).toMatchObject({ name: 'actionPlan', dueOn: '2026-02-12' });
    expect(w.slipped.doneOn).toBe('2026-02-17');
    expect(w.onTime.doneOn).toBe('2026-02-12');
    expect(w.comparison.starts.map((s) => [s.ladderId, s.stepId, s.level, s.fireOn])).toEqual([['action-plan', 'due-0', 'chief_executive', '2026-02-12']]);
    expect(w.comparison.stops).toEqual([]);
    expect(w.slipped.steps.filter((s) => s.ladderId === 'action-plan').map((s) => s.stepId)).toEqual(['remind-10', 'remind-5', 'due-0']);
    // The plan's milestones were not done in either future: their escalations fire in both, on the same days.
    expect(w.comparison.unchanged.map((s) => s.ladderId)).toEqual(expect.arrayContaining(['plan-draft', 'plan-scrutiny', 'plan-cabinet', 'plan-sign-off']));
    expect(w.onTime.weeks.at(-1)!.status).toBe('met');
    expect(w.slipped.weeks.at(-1)).toMatchObject({ status: 'breached', workingDaysLate: 3 });
    expect(w.slipped.steps.find((s) => s.stepId === 'due-0' && s.ladderId === 'action-plan')!.boardException).toBe(true);
  });

  it('not done at all: the deadline and the board escalation; a date already past is refused on its field', () => {
    const { at, state } = northmoor();
    const w = clockWhatIf({ state, args: pargs, now: at, clock: 'actionPlan', change: { kind: 'not_done' } });
    expect(w.comparison.starts.map((s) => s.stepId)).toEqual(['due-0', 'board-5']);
    expect(w.slipped.weeks.at(-1)!.status).toBe('overdue');
    expect(() => clockWhatIf({ state, args: pargs, now: at, clock: 'actionPlan', change: { kind: 'done_on', doneOn: '2025-10-01' } })).toThrow(/^change\.doneOn: /);
    expect(() => clockWhatIf({ state, args: pargs, now: at, clock: 'priorityActionPlan', change: { kind: 'not_done' } })).toThrow(/^clock: /);
  });
});
