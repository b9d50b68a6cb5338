import { describe, expect, it } from 'vitest';
import { endOfLondonDayUtcMs } from '../calendar/index.js';
import { pendingLadderTimers } from '../ladder-clock/ladder-clock.js';
import { LifecycleRejection } from '../lifecycle/reducer.js';
import {
  DEFAULT_COMMISSIONER_REPORT_LADDER, DEFAULT_COMMISSIONER_UPDATE_LADDER, DEFAULT_INTERVENTION_REVIEW_LADDER,
} from './clocks.js';
import { defaultInterventionContext, nextInterventionTimer, reduceIntervention } from './reducer.js';
import { ZRecordInterventionStepInput, type TInterventionStep } from './schemas.js';
import type { TInterventionState } from './state.js';

const ctx = defaultInterventionContext();
const actor = { userId: 'u1', role: 'programme_manager' as const, name: 'Priya Shah' };
const noon = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10), 12);
const opened = reduceIntervention(null, {
  type: 'intervention_opened', at: noon('2027-01-04'), id: 'intervention-E09000099-1', programmeId: 'programme-E09000099-1',
  onsCode: 'E09000099', authorityName: 'Northmoor', actor, reason: 'Judged inadequate',
  ladders: { review: DEFAULT_INTERVENTION_REVIEW_LADDER, commissionerReport: DEFAULT_COMMISSIONER_REPORT_LADDER, commissionerUpdate: DEFAULT_COMMISSIONER_UPDATE_LADDER },
}, ctx);
/** Records a step on its own date (noon), as a user would. */
const rec = (s: TInterventionState, step: TInterventionStep, at = noon(step.on)) =>
  reduceIntervention(s, { ...step, at, actor, reason: 'Recorded from the DfE letter' }, ctx);
const steps = (s: TInterventionState, ...list: TInterventionStep[]) => list.reduce((acc, st) => rec(acc, st), s);
const clock = (s: TInterventionState, name: string) => s.clocks.filter((c) => c.name === name).at(-1);

const direction = steps(opened, { type: 'statutory_direction_issued', on: '2027-03-01', commissionerName: 'T. Doughty', commissionerAppointedOn: '2027-03-01' });
const live = steps(direction,
  { type: 'commissioner_report_received', on: '2027-05-28', recommendation: 'alternative_delivery_model' },
  { type: 'adm_options_directed', on: '2027-08-02' },
  { type: 'adm_business_case_submitted', on: '2027-11-01', model: 'council_company', deliveryBodyName: 'Northmoor Children First' },
  { type: 'adm_shadow_started', on: '2028-04-03' },
  { type: 'adm_went_live', on: '2028-10-02' });

describe('reduceIntervention', () => {
  it('an improvement notice starts six-monthly reviews with a reminder 10 WD before and two escalations', () => {
    const s = rec(opened, { type: 'improvement_notice_issued', on: '2027-01-11', adviserName: 'J. Adviser' });
    expect(s.phase).toBe('improvement_notice');
    expect(clock(s, 'noticeReview')).toMatchObject({ dueOn: '2027-07-11', baseline: 1, status: 'running' });
    expect(pendingLadderTimers(s.clocks, ctx.calendar).map((t) => [t.stepId, t.fireOn])).toEqual([
      ['remind-10', '2027-06-28'], [null, '2027-07-11'], ['overdue-0', '2027-07-11'], ['overdue-10', '2027-07-23'],
    ]);
    // Reviews roll on six months from the review actually held; a late one is breached.
    const r = rec(s, { type: 'review_held', on: '2027-07-20', summary: 'Some progress; notice stays' });
    expect(r.clocks.map((c) => [c.name, c.baseline, c.status, c.dueOn])).toEqual([
      ['noticeReview', 1, 'breached', '2027-07-11'], ['noticeReview', 2, 'running', '2028-01-20'],
    ]);
    const lifted = rec(r, { type: 'intervention_closed', on: '2027-09-01' });
    expect(lifted.phase).toBe('closed');
    expect(lifted.history.at(-1)?.summary).toBe('Improvement notice lifted 1 September 2027');
    expect(nextInterventionTimer(lifted, ctx)).toBeUndefined();
  });

  it("a direction (with or without a notice) starts the commissioner's report clock: about 3 months from appointment", () => {
    expect(direction.phase).toBe('statutory_direction');
    expect(clock(direction, 'commissionerReport')).toMatchObject({ dueOn: '2027-06-01', dueAt: endOfLondonDayUtcMs('2027-06-01') });
    const fromNotice = steps(opened, { type: 'improvement_notice_issued', on: '2027-01-11', adviserName: 'J. Adviser' },
      { type: 'statutory_direction_issued', on: '2027-03-01', commissionerName: 'T. Doughty', commissionerAppointedOn: '2027-03-01' });
    expect(fromNotice.clocks.map((c) => [c.name, c.status])).toEqual([['noticeReview', 'closed'], ['commissionerReport', 'running']]);
  });

  it("an overdue commissioner's report escalates to the chief executive, then the DfE", () => {
    let s = direction;
    const fired: (string | null)[] = [];
    for (let t = nextInterventionTimer(s, ctx); t; t = nextInterventionTimer(s, ctx)) {
      s = reduceIntervention(s, { ...t.event, at: t.fireAt }, ctx);
      fired.push(t.event.stepId);
    }
    expect(fired).toEqual(['remind-10', null, 'overdue-0', 'overdue-10']);
    expect(clock(s, 'commissionerReport')?.status).toBe('overdue');
    expect(s.history.at(-1)?.summary).toMatch(/^Escalation to dfe: Commissioner's report 10 working days overdue/);
  });

  it('runs the ADM path to live with quarterly commissioner updates, then exit supervision with reviews at 6 and 12 months', () => {
    expect(live.phase).toBe('adm_live');
    expect(live.adm).toMatchObject({ model: 'council_company', liveOn: '2028-10-02' });
    expect(clock(live, 'commissionerUpdate')?.dueOn).toBe('2029-01-02');
    const updated = rec(live, { type: 'commissioner_update_received', on: '2028-12-20', summary: 'Caseloads down to 16' });
    expect(clock(updated, 'commissionerUpdate')).toMatchObject({ dueOn: '2029-03-20', status: 'running' });
    let s = rec(updated, { type: 'exit_supervision_started', on: '2029-06-01' });
    expect(clock(s, 'supervisionReview')?.dueOn).toBe('2029-12-01');
    s = rec(s, { type: 'review_held', on: '2029-11-20', summary: 'On track' });
    expect(clock(s, 'supervisionReview')).toMatchObject({ dueOn: '2030-06-01', label: 'Supervision review 2 of 2' });
    expect(() => rec(s, { type: 'intervention_closed', on: '2030-01-10' })).toThrow('Supervision ends after its last review: 1 of 2 reviews held');
    s = rec(s, { type: 'review_held', on: '2030-05-28', summary: 'Exit confirmed' });
    expect(nextInterventionTimer(s, ctx)).toBeUndefined();
    expect(() => rec(s, { type: 'review_held', on: '2030-05-29', summary: 'Again' })).toThrow(/There is no review due/);
    s = rec(s, { type: 'intervention_closed', on: '2030-06-02' });
    expect(s.phase).toBe('closed');
    // Every arming got its own baseline, so escalation ids never collide across clocks.
    expect(new Set(s.clocks.map((c) => c.baseline)).size).toBe(s.clocks.length);
  });

  it('services may remain with the council under a direction, with six-monthly reviews, then exit', () => {
    const s = steps(direction,
      { type: 'commissioner_report_received', on: '2027-05-28', recommendation: 'remain_with_council' },
      { type: 'remain_with_council_decided', on: '2027-07-01' });
    expect(s.phase).toBe('remain_with_council');
    expect(clock(s, 'directionReview')?.dueOn).toBe('2028-01-01');
    expect(rec(s, { type: 'exit_supervision_started', on: '2028-02-01' }).phase).toBe('exit_supervision');
  });

  it('rejects impossible transitions with reasons', () => {
    const reject = (s: TInterventionState, step: TInterventionStep, at?: number) => () => rec(s, step, at);
    expect(reject(direction, { type: 'adm_went_live', on: '2027-04-01' })).toThrow(
      'Cannot record the ADM going live: Northmoor is under a statutory direction (it applies only when running the alternative delivery model in shadow form)');
    expect(reject(direction, { type: 'adm_options_directed', on: '2027-04-01' })).toThrow(/record the report first/);
    expect(reject(opened, { type: 'improvement_notice_issued', on: '2027-02-01', adviserName: 'J. Adviser' }, noon('2027-01-20')))
      .toThrow('The date of an improvement notice (1 February 2027) is in the future; today is 20 January 2027');
    expect(reject(direction, { type: 'commissioner_report_received', on: '2027-02-01', recommendation: 'remain_with_council' }))
      .toThrow("The commissioner's report (1 February 2027) cannot be dated before the last recorded step (1 March 2027)");
    expect(reject(opened, { type: 'statutory_direction_issued', on: '2027-03-01', commissionerName: 'T. Doughty', commissionerAppointedOn: '2027-02-01' }))
      .toThrow('The commissioner cannot be appointed before the direction is issued');
    const reported = rec(direction, { type: 'commissioner_report_received', on: '2027-05-28', recommendation: 'remain_with_council' });
    expect(reject(reported, { type: 'commissioner_report_received', on: '2027-05-29', recommendation: 'remain_with_council' })).toThrow(/already recorded/);
    expect(reject(opened, { type: 'review_held', on: '2027-01-04', summary: 'x' })).toThrow(LifecycleRejection);
    expect(reject(live, { type: 'intervention_closed', on: '2028-11-01' })).toThrow(/Cannot record the end of intervention/);
  });
});

describe('intervention schemas', () => {
  it('validate each step with readable messages', () => {
    const bad = ZRecordInterventionStepInput.safeParse({
      clientRequestId: 'req-12345678', reason: 'From the DfE letter', interventionId: 'intervention-E09000099-1',
      step: { type: 'statutory_direction_issued', on: '2027-03-01', commissionerName: '', commissionerAppointedOn: '2027-02-30' },
    });
    expect(bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'step.commissionerName: Name the commissioner', 'step.commissionerAppointedOn: "2027-02-30" does not exist: February 2027 has 28 days',
    ]);
  });
});
