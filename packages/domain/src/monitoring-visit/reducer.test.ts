import { describe, expect, it } from 'vitest';
import { endOfLondonDayUtcMs } from '../calendar/index.js';
import { pendingLadderTimers } from '../ladder-clock/ladder-clock.js';
import type { TMonitoringVisitEvent } from './events.js';
import { DEFAULT_MV_NEW_ACTIONS_LADDER } from './ladders.js';
import {
  defaultMonitoringVisitContext, isMonitoringVisitFinished, monitoringVisitSummary, nextMonitoringVisitTimer, reduceMonitoringVisit,
} from './reducer.js';
import { ZPublishLetterInput, ZRecordFieldworkUpdate, ZConfirmNewActionsInput } from './schemas.js';
import type { TMonitoringVisitState } from './state.js';

const ctx = defaultMonitoringVisitContext();
const actor = { userId: 'u1', role: 'programme_manager' as const, name: 'Priya Shah' };
const noon = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10), 12);
const human = (iso: string) => ({ at: noon(iso), actor, reason: 'Recorded from Ofsted correspondence' });
const findings = { areasOfProgress: ['Front door decisions are timely'], areasForImprovement: ['Quality of care plans', 'Management oversight'] };

const scheduled = reduceMonitoringVisit(null, {
  type: 'visit_scheduled', at: noon('2027-01-15'), id: 'programme-E09000099-1-mv-2', programmeId: 'programme-E09000099-1',
  onsCode: 'E09000099', authorityName: 'Northmoor Borough Council', number: 2, theme: 'children in care',
  plannedStartOn: '2027-03-10', newActionsLadder: DEFAULT_MV_NEW_ACTIONS_LADDER,
}, ctx);
const run = (s: TMonitoringVisitState, ...events: TMonitoringVisitEvent[]) => events.reduce((acc, e) => reduceMonitoringVisit(acc, e, ctx), s);
const toDraft = run(scheduled,
  { type: 'fieldwork_recorded', ...human('2027-03-11'), startedOn: '2027-03-10', endedOn: '2027-03-11', inspectors: ['HMI A', 'HMI B'] },
  { type: 'draft_letter_received', ...human('2027-03-22'), receivedOn: '2027-03-22' });
const published = run(toDraft, { type: 'letter_published', ...human('2027-03-31'), publishedOn: '2027-03-31', findings });
const fireNext = (s: TMonitoringVisitState) => {
  const t = nextMonitoringVisitTimer(s, ctx)!;
  return reduceMonitoringVisit(s, { ...t.event, at: t.fireAt }, ctx);
};

describe('reduceMonitoringVisit', () => {
  it('schedules the evidence pack 10 WD before fieldwork with reminders 5 WD and 1 WD before it', () => {
    expect(scheduled.evidencePackDueOn).toBe('2027-02-24');
    expect(pendingLadderTimers(scheduled.clocks, ctx.calendar).map((t) => [t.stepId, new Date(t.fireAt).toISOString()])).toEqual([
      ['remind-5', '2027-02-17T09:00:00.000Z'],
      ['remind-1', '2027-02-23T09:00:00.000Z'],
    ]);
    // A reminder-only clock never turns overdue: after both reminders nothing is left to fire.
    expect(nextMonitoringVisitTimer(fireNext(fireNext(scheduled)), ctx)).toBeUndefined();
  });

  it('runs scheduled → fieldwork → letter_draft → published, starting the 10 WD new-actions clock from publication', () => {
    expect(toDraft.phase).toBe('letter_draft');
    expect(toDraft.clocks[0]?.status).toBe('closed');
    expect(published.phase).toBe('published');
    expect(published.newActionsDueBy).toBe('2027-04-14'); // Good Friday and Easter Monday 2027 skipped
    expect(pendingLadderTimers(published.clocks, ctx.calendar).map((t) => [t.stepId, t.fireAt])).toEqual([
      ['remind-3', Date.UTC(2027, 3, 9, 8)],
      [null, endOfLondonDayUtcMs('2027-04-14')],
      ['overdue-0', endOfLondonDayUtcMs('2027-04-14')],
    ]);
  });

  it('lets the authority send accuracy corrections on the draft, and not after publication', () => {
    const s = run(toDraft, { type: 'accuracy_corrections_sent', ...human('2027-03-24'), sentOn: '2027-03-24', note: 'Caseload figure is 17, not 21' });
    expect(s.accuracyCorrections).toHaveLength(1);
    expect(() => run(s, { type: 'letter_published', ...human('2027-03-31'), publishedOn: '2027-03-23', findings }))
      .toThrow('Publication (23 March 2027) cannot be before the last accuracy corrections (24 March 2027)');
    expect(() => run(published, { type: 'accuracy_corrections_sent', ...human('2027-04-01'), sentOn: '2027-04-01', note: 'Late' }))
      .toThrow('Cannot send accuracy corrections: monitoring visit 2 has a published letter');
  });

  it('new actions confirmed in time: met, response until the window ends, then closed with no escalation', () => {
    let s = run(published, { type: 'new_actions_confirmed', ...human('2027-04-06'), actionRefs: ['A-101', 'A-102'] });
    expect(s.phase).toBe('response');
    expect(s.clocks.find((c) => c.name === 'newActions')?.status).toBe('met');
    s = run(s, { type: 'new_actions_confirmed', ...human('2027-04-07'), actionRefs: ['A-102', 'A-103'] });
    expect(s.newActionRefs).toEqual(['A-101', 'A-102', 'A-103']);
    const t = nextMonitoringVisitTimer(s, ctx)!;
    expect(t).toMatchObject({ fireAt: endOfLondonDayUtcMs('2027-04-14'), event: { type: 'visit_closed' }, ladder: null });
    s = fireNext(s);
    expect(isMonitoringVisitFinished(s)).toBe(true);
    expect(s.history.some((h) => h.summary.startsWith('Escalation'))).toBe(false);
    expect(monitoringVisitSummary(s)).toEqual({
      number: 2, theme: 'children in care', outcome: 'closed', findings, newActionsDueBy: '2027-04-14',
      letterPublishedOn: '2027-03-31', newActionRefs: ['A-101', 'A-102', 'A-103'],
    });
  });

  it('new actions not confirmed: reminder, deadline, one escalation; a late confirmation is breached and closes at once', () => {
    let s = fireNext(fireNext(fireNext(published)));
    expect(s.clocks.find((c) => c.name === 'newActions')?.status).toBe('overdue');
    expect(s.history.filter((h) => h.summary.startsWith('Escalation to director'))).toHaveLength(1);
    expect(nextMonitoringVisitTimer(s, ctx)).toBeUndefined();
    s = run(s, { type: 'new_actions_confirmed', ...human('2027-04-20'), actionRefs: ['A-200'] });
    expect(s.clocks.find((c) => c.name === 'newActions')?.status).toBe('breached');
    expect(nextMonitoringVisitTimer(s, ctx)?.fireAt).toBeLessThan(noon('2027-04-20'));
    expect(fireNext(s).phase).toBe('closed');
  });

  it('rejects impossible transitions with reasons', () => {
    const reject = (s: TMonitoringVisitState, e: TMonitoringVisitEvent) => () => reduceMonitoringVisit(s, e, ctx);
    expect(reject(scheduled, { type: 'letter_published', ...human('2027-03-31'), publishedOn: '2027-03-31', findings }))
      .toThrow('Cannot publish the letter: monitoring visit 2 is scheduled and fieldwork has not been recorded');
    expect(reject(scheduled, { type: 'fieldwork_recorded', ...human('2027-03-01'), startedOn: '2027-03-10', endedOn: '2027-03-11', inspectors: ['HMI A'] }))
      .toThrow('The first day of fieldwork (10 March 2027) is in the future; today is 1 March 2027');
    const inFieldwork = run(scheduled, { type: 'fieldwork_recorded', ...human('2027-03-11'), startedOn: '2027-03-10', endedOn: '2027-03-11', inspectors: ['HMI A'] });
    expect(reject(inFieldwork, { type: 'draft_letter_received', ...human('2027-03-12'), receivedOn: '2027-03-09' }))
      .toThrow('The draft letter (9 March 2027) cannot be before the end of fieldwork (11 March 2027)');
    expect(reject(published, { type: 'visit_cancelled', ...human('2027-04-01') })).toThrow(/Cannot cancel the visit/);
    expect(reject(toDraft, { type: 'new_actions_confirmed', ...human('2027-03-23'), actionRefs: ['A-1'] })).toThrow(/Cannot confirm new actions/);
    const confirmed = run(published, { type: 'new_actions_confirmed', ...human('2027-04-06'), actionRefs: ['A-1'] });
    expect(reject(confirmed, { type: 'new_actions_confirmed', ...human('2027-04-07'), actionRefs: ['A-1'] })).toThrow(/already recorded/);
  });

  it('cancelling closes every clock and finishes the visit', () => {
    const s = run(scheduled, { type: 'visit_cancelled', ...human('2027-02-01') });
    expect(s.clocks.every((c) => c.status === 'closed')).toBe(true);
    expect(nextMonitoringVisitTimer(s, ctx)).toBeUndefined();
    expect(monitoringVisitSummary(s).outcome).toBe('cancelled');
  });
});

describe('monitoring-visit schemas', () => {
  it('give field-level reasons', () => {
    const bad = ZRecordFieldworkUpdate.safeParse({ actor, reason: 'ok!', startedOn: '2027-03-11', endedOn: '2027-03-10', inspectors: [] });
    expect(bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'inspectors: Name at least one inspector', 'endedOn: Fieldwork cannot end before it starts',
    ]);
    const empty = ZPublishLetterInput.safeParse({
      clientRequestId: 'req-12345678', reason: 'Published', programmeId: 'p', number: 1, publishedOn: '2027-03-31',
      findings: { areasOfProgress: [], areasForImprovement: [] },
    });
    expect(empty.error?.issues[0]?.message).toBe('Record at least one finding from the letter');
    const none = ZConfirmNewActionsInput.safeParse({ clientRequestId: 'req-12345678', reason: 'Raised', programmeId: 'p', number: 1, actionRefs: [] });
    expect(none.error?.issues[0]?.message).toBe('List the plan actions created from the letter');
  });
});
