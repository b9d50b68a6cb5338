/**
 * The workflows' zod-free checks (payload.ts, ladderWithDefaults, the action defaults) against the zod
 * schemas the API parses with: on valid input they must return what the schema returns, key for key,
 * so a workflow never sees anything the API would not have sent; on the inputs a workflow depends on
 * they must refuse with the field's name.
 */
import { describe, expect, it } from 'vitest';
import { actionRulesWithDefaults, checkedActionDefinition } from '../action/rules.js';
import { actionCommandEvent } from '../action/commands.js';
import type { TActionCommandName } from '../action/declarations.js';
import { ZActionCommandPayloads, ZActionDefinition } from '../action/schemas.js';
import { ZActionRules } from '../action/state.js';
import { DEFAULT_ACTION_LADDER, DEFAULT_INFO_REQUEST_LADDER, ladderProblem, ladderWithDefaults } from '../escalation/ladder.js';
import { ZLadder } from '../escalation/schemas.js';
import { DEFAULT_COMMISSIONER_REPORT_LADDER, DEFAULT_COMMISSIONER_UPDATE_LADDER, DEFAULT_INTERVENTION_REVIEW_LADDER } from '../intervention/clocks.js';
import { informationRequestCommandEvent } from '../information-request/commands.js';
import type { TInformationRequestCommandName } from '../information-request/declarations.js';
import {
  ZAnswerInformationRequestUpdate, ZExtendInformationRequestUpdate, ZInformationRequestArgs, ZInformationRequestCommands,
} from '../information-request/schemas.js';
import { DEFAULT_MV_EVIDENCE_PACK_LADDER, DEFAULT_MV_NEW_ACTIONS_LADDER } from '../monitoring-visit/ladders.js';
import { monitoringVisitCommandEvent } from '../monitoring-visit/commands.js';
import type { TMonitoringVisitCommandName } from '../monitoring-visit/declarations.js';
import { ZMonitoringVisitArgs, ZMonitoringVisitCommands, ZRecordFieldworkUpdate } from '../monitoring-visit/schemas.js';
import { checkedInterventionStep } from '../intervention/step-check.js';
import { ZInterventionStep } from '../intervention/schemas.js';
import { PROGRAMME_CLOCK_LADDERS } from './clock-ladders.js';
import { checkedActor, checkedLadder, checkedPayload } from './payload.js';
import { LifecycleRejection } from './reducer.js';

const actor = { userId: 'u-pm', role: 'programme_manager' as const, name: 'Priya Shah' };
const same = (a: unknown, b: unknown) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));
const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(LifecycleRejection);
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('built-in ladders without zod', () => {
  it('every built-in ladder is exactly what ZLadder.parse makes of it', () => {
    const all = [DEFAULT_ACTION_LADDER, DEFAULT_INFO_REQUEST_LADDER, DEFAULT_MV_EVIDENCE_PACK_LADDER, DEFAULT_MV_NEW_ACTIONS_LADDER,
      DEFAULT_INTERVENTION_REVIEW_LADDER, DEFAULT_COMMISSIONER_REPORT_LADDER, DEFAULT_COMMISSIONER_UPDATE_LADDER, ...Object.values(PROGRAMME_CLOCK_LADDERS)];
    expect(all.length).toBeGreaterThan(10);
    for (const l of all) same(l, ZLadder.parse(l));
  });

  it('a given ladder gets the defaults ZLadder gives it; a malformed one is refused with its path', () => {
    const given = { name: 'Tight', id: 'tight', steps: [{ label: 'Due', level: 'director', kind: 'escalation', offsetWorkingDays: 0, id: 'due-0', extra: 1 }] };
    same(ladderWithDefaults(given as never), ZLadder.parse(given));
    same(checkedLadder(given), ZLadder.parse(given));
    expect(checkedLadder(undefined)).toBeUndefined();
    const bad = (steps: unknown[]) => ({ id: 'x', name: 'X', steps });
    const step = { id: 'a', offsetWorkingDays: 0, kind: 'reminder', level: 'owner', label: 'A' };
    expect(ladderProblem(bad([]))).toBe('ladder.steps: give at least one step');
    expect(ladderProblem(bad([{ ...step, offsetWorkingDays: 1.5 }]), 'ladders.actionPlan')).toMatch(/^ladders\.actionPlan\.steps\.0\.offsetWorkingDays:/);
    expect(ladderProblem(bad([step, step]))).toMatch(/^ladder\.steps\.1\.id: duplicate step id a/);
    expect(ladderProblem(bad([{ ...step, level: 'mayor' }]))).toMatch(/^ladder\.steps\.0\.level:/);
    expect(ladderProblem({ ...bad([step]), fireAtLocalTime: '25:00' })).toBe('ladder.fireAtLocalTime: HH:MM');
    expect(ladderProblem('no')).toBe('ladder: expected a ladder');
    expect(refusal(() => checkedLadder(bad([])))).toBe('ladder.steps: give at least one step');
    for (const l of [bad([]), bad([{ ...step, kind: 'nudge' }]), bad([step, step])]) expect(ZLadder.safeParse(l).success).toBe(false);
  });
});

describe('workflow payload checks', () => {
  it('return what the schema returns for a valid payload: listed fields only, text trimmed, actor and reason', () => {
    const answer = { answeredOn: '2027-01-04', summary: '  Sent the churn analysis ', actor: { ...actor, extra: 1 }, reason: ' Answered ', clientRequestId: 'req-12345678' };
    same(checkedPayload(answer, { answeredOn: 'date', summary: 'text' }), ZAnswerInformationRequestUpdate.parse(answer));
    const fieldwork = { startedOn: '2027-01-04', endedOn: '2027-01-05', inspectors: ['HMI Jones'], actor, reason: 'Fieldwork done' };
    same(checkedPayload(fieldwork, { startedOn: 'date', endedOn: 'date', inspectors: 'value' }), ZRecordFieldworkUpdate.parse(fieldwork));
    const args = { programmeId: 'p1', onsCode: 'E08000001', requester: { kind: 'person', name: 'Cllr Ahmed' }, subject: 'Churn', dueOn: '2027-02-01' };
    same(checkedPayload(args, { programmeId: 'text?', onsCode: 'text', requester: 'value', subject: 'text', requestedOn: 'date?', dueOn: 'date', ladder: 'value?' }, 'optional'),
      ZInformationRequestArgs.parse(args));
    const visit = { programmeId: 'p1', onsCode: 'E08000001', authorityName: 'Northmoor', number: 2, theme: 'Children in care', plannedStartOn: '2027-03-01' };
    same(checkedPayload(visit, { programmeId: 'text', onsCode: 'text', authorityName: 'text', number: 'value', theme: 'text', plannedStartOn: 'date', ladder: 'value?' }, 'none'),
      ZMonitoringVisitArgs.parse(visit));
  });

  it('refuse an impossible date, a missing reason or actor, with the field named as the schema names it', () => {
    const extend = { newDueOn: '2027-02-30', actor, reason: 'Agreed' };
    const message = refusal(() => checkedPayload(extend, { newDueOn: 'date' }));
    expect(message).toBe('newDueOn: "2027-02-30" does not exist: February 2027 has 28 days');
    expect(ZExtendInformationRequestUpdate.safeParse(extend).error?.issues[0]?.message).toBe(message.slice('newDueOn: '.length));
    expect(refusal(() => checkedPayload({ actor, reason: ' ' }, {}))).toBe('reason: Give a reason of at least 3 characters');
    expect(refusal(() => checkedPayload({ actor: { userId: '', role: 'admin' }, reason: 'Withdrawn' }, {}))).toMatch(/^actor\.userId:/);
    expect(refusal(() => checkedPayload({ reason: 'No actor' }, {}))).toMatch(/^actor:/);
    expect(refusal(() => checkedActor({ userId: 'u', role: 'mayor' }))).toMatch(/^actor\.role:/);
    expect(refusal(() => checkedPayload({ step: { type: 'review_held' }, actor, reason: 'Review' }, { step: 'value' }) && checkedPayload({ type: 'review_held' }, { type: 'text', on: 'date' }, 'none', 'step')))
      .toBe('step.on: Required');
  });
});

describe('DfE steps without zod', () => {
  it('a valid step comes out as ZInterventionStep parses it; a missing field, a bad date or an unknown type is refused', () => {
    for (const step of [
      { type: 'improvement_notice_issued', on: '2027-01-11', adviserName: ' J. Adviser ', other: 1 },
      { type: 'statutory_direction_issued', on: '2027-01-11', commissionerName: 'T. Doughty', commissionerAppointedOn: '2027-01-04' },
      { type: 'adm_business_case_submitted', on: '2027-01-11', model: 'trust', deliveryBodyName: 'Northmoor Children First' },
      { type: 'intervention_closed', on: '2027-01-11' },
    ]) same(checkedInterventionStep(step), ZInterventionStep.parse(step));
    expect(refusal(() => checkedInterventionStep({ type: 'improvement_notice_issued', on: '2027-01-11' }))).toBe('step.adviserName: Required');
    expect(refusal(() => checkedInterventionStep({ type: 'statutory_direction_issued', on: '2027-01-11', commissionerName: 'T', commissionerAppointedOn: '2027-13-01' })))
      .toMatch(/^step\.commissionerAppointedOn:/);
    expect(refusal(() => checkedInterventionStep({ type: 'trust_created', on: '2027-01-11' }))).toMatch(/^step\.type: expected one of/);
    expect(refusal(() => checkedInterventionStep({ type: 'toString', on: '2027-01-11' }))).toMatch(/^step\.type:/);
  });
});

describe('action inputs without zod', () => {
  it('the definition and the rules come out as ZActionDefinition and ZActionRules parse them', () => {
    const def = { programmeId: 'p1', title: ' Audit of front-door decisions ', owner: { name: ' Head of MASH ', email: 'mash@northmoor.gov.uk' }, dueOn: '2029-03-14', ofstedLinked: true, unknown: 1 };
    same(checkedActionDefinition(def), ZActionDefinition.parse(def));
    const withRefs = { ...def, description: ' Why ', workstream: ' Front door ', recommendationRefs: [' R1 '] };
    same(checkedActionDefinition(withRefs), ZActionDefinition.parse(withRefs));
    expect(refusal(() => checkedActionDefinition({ ...def, dueOn: '2029-02-29' }))).toMatch(/^definition\.dueOn: "2029-02-29" does not exist/);
    expect(refusal(() => checkedActionDefinition({ ...def, owner: { name: ' ' } }))).toBe('definition.owner.name: Required');
    same(actionRulesWithDefaults(), ZActionRules.parse({}));
    same(actionRulesWithDefaults({ staleAfterWD: 5 }), ZActionRules.parse({ staleAfterWD: 5 }));
  });

  it('each command event carries what ZActionCommandPayloads parses, and defaults a sign-off to signed_off', () => {
    const at = 1_800_000_000_000;
    const cases = {
      updateProgress: { percentComplete: 40, note: ' Audits booked ', ragAssessment: 'amber' },
      attachEvidence: { title: ' Audit report ', reference: ' CFA-12 ' },
      requestSignOff: {},
      signOff: {},
      requestExtension: { newDueOn: '2029-04-30', justification: ' Waiting for the new case system ' },
      approveExtension: {},
      rejectExtension: {},
      reassignOwner: { ownerName: ' Lee Front ', ownerEmail: 'lee.front@northmoor.gov.uk' },
      cancel: {},
    } as const satisfies Record<TActionCommandName, object>; // a command declared without a case here does not compile
    for (const [name, body] of Object.entries(cases) as [keyof typeof cases, object][]) {
      const payload = { ...body, actor, reason: ' Monthly return ', clientRequestId: 'req-12345678', actionId: 'a1' };
      const { type: _type, at: _at, ...event } = actionCommandEvent(name, payload, at) as unknown as Record<string, unknown>;
      const parsed: Record<string, unknown> = ZActionCommandPayloads[name].parse(payload);
      if (name === 'signOff') delete parsed.outcome;
      same(event, parsed);
    }
    expect(actionCommandEvent('signOff', { actor, reason: 'Checked' }, at).type).toBe('signed_off');
    expect(actionCommandEvent('signOff', { actor, reason: 'Not enough', outcome: 'returned' }, at).type).toBe('sign_off_returned');
    expect(refusal(() => actionCommandEvent('updateProgress', { actor, reason: 'Keen', percentComplete: 150, note: 'Far too keen' }, at))).toMatch(/^percentComplete:/);
    expect(refusal(() => actionCommandEvent('attachEvidence', { actor, reason: 'Evidence', title: 'Audit' }, at))).toBe('url: Give a link or a document reference');
  });
});

describe('information-request commands without zod', () => {
  it('each command event carries what its zod payload parses (ZInformationRequestCommands)', () => {
    const at = 1_800_000_000_000;
    const cases = {
      answer: { answeredOn: '2027-01-04', summary: ' Sent the churn analysis ' },
      extendDueDate: { newDueOn: '2027-02-01' },
      withdraw: {},
    } as const satisfies Record<TInformationRequestCommandName, object>; // a command declared without a case here does not compile
    const types = { answer: 'answered', extendDueDate: 'due_date_extended', withdraw: 'withdrawn' };
    for (const [name, body] of Object.entries(cases) as [keyof typeof cases, object][]) {
      const payload = { ...body, actor: { ...actor, extra: 1 }, reason: ' Minuted ', clientRequestId: 'req-12345678', requestId: 'r1' };
      const { type, at: when, ...event } = informationRequestCommandEvent(name, payload, at) as unknown as Record<string, unknown>;
      expect([type, when]).toEqual([types[name], at]);
      expect(event).toEqual(ZInformationRequestCommands[name].payload.parse(payload));
    }
    expect(refusal(() => informationRequestCommandEvent('extendDueDate', { actor, reason: 'Agreed', newDueOn: '2027-02-30' }, at)))
      .toBe('newDueOn: "2027-02-30" does not exist: February 2027 has 28 days');
    expect(refusal(() => informationRequestCommandEvent('answer', { actor, reason: 'Answered', answeredOn: '2027-01-04', summary: ' ' }, at))).toBe('summary: Required');
    expect(refusal(() => informationRequestCommandEvent('withdraw', { actor, reason: '' }, at))).toMatch(/^reason: /);
  });
});

describe('monitoring-visit commands without zod', () => {
  it('each command event carries what its zod payload parses (ZMonitoringVisitCommands)', () => {
    const at = 1_800_000_000_000;
    const findings = { areasOfProgress: ['Leaders know their services well'], areasForImprovement: ['Plans lack measurable actions'] };
    const cases = {
      recordFieldwork: { startedOn: '2027-03-08', endedOn: '2027-03-09', inspectors: ['HMI Jones', 'HMI Patel'] },
      recordDraftLetter: { receivedOn: '2027-03-20' },
      submitAccuracyCorrections: { sentOn: '2027-03-22', note: ' Caseload average is 17, not 21 ' },
      publishLetter: { publishedOn: '2027-03-31', findings },
      confirmNewActionsCreated: { actionRefs: ['A-301', 'A-302'] },
      cancelVisit: {},
    } as const satisfies Record<TMonitoringVisitCommandName, object>; // a command declared without a case here does not compile
    const types = {
      recordFieldwork: 'fieldwork_recorded', recordDraftLetter: 'draft_letter_received', submitAccuracyCorrections: 'accuracy_corrections_sent',
      publishLetter: 'letter_published', confirmNewActionsCreated: 'new_actions_confirmed', cancelVisit: 'visit_cancelled',
    };
    for (const [name, body] of Object.entries(cases) as [keyof typeof cases, object][]) {
      const payload = { ...body, actor: { ...actor, extra: 1 }, reason: ' Minuted ', clientRequestId: 'req-12345678', programmeId: 'p1', number: 2 };
      const { type, at: when, ...event } = monitoringVisitCommandEvent(name, payload, at) as unknown as Record<string, unknown>;
      expect([type, when]).toEqual([types[name], at]);
      expect(event).toEqual(ZMonitoringVisitCommands[name].payload.parse(payload));
    }
    expect(refusal(() => monitoringVisitCommandEvent('recordDraftLetter', { actor, reason: 'Draft', receivedOn: '2027-02-30' }, at)))
      .toBe('receivedOn: "2027-02-30" does not exist: February 2027 has 28 days');
    expect(refusal(() => monitoringVisitCommandEvent('submitAccuracyCorrections', { actor, reason: 'Sent', sentOn: '2027-03-22', note: ' ' }, at))).toBe('note: Required');
    expect(refusal(() => monitoringVisitCommandEvent('confirmNewActionsCreated', { actor, reason: 'Raised' }, at))).toBe('actionRefs: Required');
    expect(refusal(() => monitoringVisitCommandEvent('cancelVisit', { actor, reason: '' }, at))).toMatch(/^reason: /);
  });
});
