import { describe, expect, it } from 'vitest';
import { endOfLondonDayUtcMs } from '../calendar/index.js';
import { DEFAULT_INFO_REQUEST_LADDER } from '../escalation/index.js';
import { LifecycleRejection } from '../lifecycle/reducer.js';
import type { TInformationRequestEvent } from './events.js';
import { pendingLadderTimers } from '../ladder-clock/ladder-clock.js';
import { defaultInformationRequestContext, nextInformationRequestTimer, reduceInformationRequest } from './reducer.js';
import { ZCreateInformationRequestInput, ZInformationRequestArgs } from './schemas.js';
import type { TInformationRequestState } from './state.js';

const ctx = defaultInformationRequestContext();
const actor = { userId: 'u1', role: 'programme_manager' as const, name: 'Priya Shah' };
const T0 = Date.UTC(2027, 2, 1, 10); // 1 March 2027, 10:00 London
const day = (iso: string, hh = 12) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10), hh);
const opened = reduceInformationRequest(null, {
  type: 'request_opened', at: T0, id: 'info-request-E09000099-churn', programmeId: 'programme-E09000099-1', onsCode: 'E09000099',
  requester: { kind: 'committee', name: "Children's Services Scrutiny Sub-Committee" }, subject: 'Explain social-worker churn',
  requestedOn: '2027-03-01', dueOn: '2027-04-15', ladder: DEFAULT_INFO_REQUEST_LADDER, actor, reason: 'Minuted request',
}, ctx);
const run = (s: TInformationRequestState, ...events: TInformationRequestEvent[]) =>
  events.reduce((acc, e) => reduceInformationRequest(acc, e, ctx), s);
const fireNext = (s: TInformationRequestState) => {
  const t = nextInformationRequestTimer(s, ctx)!;
  return reduceInformationRequest(s, { ...t.event, at: t.fireAt }, ctx);
};

describe('reduceInformationRequest', () => {
  it('opens with one answer clock and schedules the ladder: reminder 5 WD before at 09:00, overdue at the end of the due date', () => {
    expect(opened.phase).toBe('open');
    expect(opened.version).toBe(1);
    const timers = pendingLadderTimers(opened.clocks, ctx.calendar);
    expect(timers.map((t) => [t.stepId, t.fireOn, new Date(t.fireAt).toISOString()])).toEqual([
      ['remind-5', '2027-04-08', '2027-04-08T08:00:00.000Z'],
      [null, '2027-04-15', '2027-04-15T23:00:00.000Z'],
      ['overdue-0', '2027-04-15', '2027-04-15T23:00:00.000Z'],
    ]);
  });

  it('fires the reminder, then the deadline, then the escalation, each once', () => {
    let s = fireNext(opened);
    expect(s.history.at(-1)?.summary).toMatch(/^Reminder to owner: Reminder: answer due in 5 working days/);
    s = fireNext(s);
    expect(s.clocks[0]?.status).toBe('overdue');
    s = fireNext(s);
    expect(s.history.at(-1)?.summary).toMatch(/^Escalation to committee chair/);
    expect(nextInformationRequestTimer(s, ctx)).toBeUndefined();
    // A repeated timer is a no-op: same object, same version.
    expect(reduceInformationRequest(s, { type: 'timer_fired', at: 1, clock: 'answer', baseline: 1, stepId: 'overdue-0' }, ctx)).toBe(s);
    expect(s.version).toBe(4);
  });

  it('an answer by the due date is met and leaves nothing to fire', () => {
    const s = run(opened, { type: 'answered', at: day('2027-04-10'), actor, reason: 'Sent to the chair', answeredOn: '2027-04-09', summary: 'Exit interviews show pay and caseloads' });
    expect(s.phase).toBe('answered');
    expect(s.answer?.onTime).toBe(true);
    expect(s.clocks[0]?.status).toBe('met');
    expect(nextInformationRequestTimer(s, ctx)).toBeUndefined();
  });

  it('an answer after the due date is breached, even once overdue', () => {
    let s = fireNext(fireNext(fireNext(opened)));
    s = run(s, { type: 'answered', at: day('2027-04-20'), actor, reason: 'Late', answeredOn: '2027-04-20', summary: 'Churn explained' });
    expect(s.clocks[0]?.status).toBe('breached');
    expect(s.history.at(-1)?.summary).toMatch(/late: due 15 April 2027/);
  });

  it('extending re-arms the clock with a fresh baseline; stale reminders are skipped', () => {
    const s = run(opened, { type: 'due_date_extended', at: day('2027-04-12'), actor, reason: 'Chair agreed', newDueOn: '2027-04-16' });
    expect(s.dueOn).toBe('2027-04-16');
    expect(s.clocks.map((c) => [c.baseline, c.status])).toEqual([[1, 'closed'], [2, 'running']]);
    // The new date's remind-5 (9 April) is already past when armed, so only the deadline steps remain.
    expect(pendingLadderTimers(s.clocks, ctx.calendar).map((t) => [t.baseline, t.stepId])).toEqual([[2, null], [2, 'overdue-0']]);
    expect(s.extensions).toEqual([{ fromDueOn: '2027-04-15', toDueOn: '2027-04-16', at: day('2027-04-12') }]);
  });

  it('withdrawal closes every clock', () => {
    const s = run(opened, { type: 'withdrawn', at: day('2027-03-10'), actor, reason: 'Superseded by the annual report' });
    expect(s.phase).toBe('withdrawn');
    expect(s.clocks[0]?.status).toBe('closed');
    expect(nextInformationRequestTimer(s, ctx)).toBeUndefined();
  });

  it('rejects impossible events with reasons', () => {
    const answered = run(opened, { type: 'answered', at: day('2027-04-10'), actor, reason: 'ok', answeredOn: '2027-04-09', summary: 'Done' });
    const reject = (s: TInformationRequestState, e: TInformationRequestEvent) => () => reduceInformationRequest(s, e, ctx);
    expect(reject(answered, { type: 'withdrawn', at: day('2027-04-11'), actor, reason: 'x' })).toThrow(/answered on 9 April 2027/);
    expect(reject(opened, { type: 'answered', at: day('2027-03-02'), actor, reason: 'x', answeredOn: '2027-03-05', summary: 'Done' }))
      .toThrow(/in the future; today is 2 March 2027/);
    expect(reject(opened, { type: 'answered', at: day('2027-03-02'), actor, reason: 'x', answeredOn: '2027-02-01', summary: 'Done' }))
      .toThrow(/cannot predate the request/);
    expect(reject(opened, { type: 'due_date_extended', at: day('2027-03-02'), actor, reason: 'x', newDueOn: '2027-04-01' }))
      .toThrow(/later than the current one \(15 April 2027\)/);
    const overdue = fireNext(fireNext(fireNext(opened)));
    expect(reject(overdue, { type: 'due_date_extended', at: day('2027-04-30'), actor, reason: 'x', newDueOn: '2027-04-20' }))
      .toThrow(/has already passed/);
    expect(() => reduceInformationRequest(null, { type: 'withdrawn', at: 1, actor, reason: 'x' }, ctx)).toThrow(LifecycleRejection);
  });

  it('the escalation instant is the end of the due date in London', () => {
    expect(opened.clocks[0]?.dueAt).toBe(endOfLondonDayUtcMs('2027-04-15'));
  });
});

describe('information-request schemas', () => {
  it('validates args and API input with readable messages', () => {
    const base = { onsCode: 'E09000099', requester: { kind: 'committee', name: 'Scrutiny' }, subject: 'Churn', dueOn: '2027-04-15' };
    expect(ZInformationRequestArgs.parse(base).ladder).toBeUndefined();
    const bad = ZInformationRequestArgs.safeParse({ ...base, requestedOn: '2027-05-01' });
    expect(bad.error?.issues[0]?.message).toBe('The answer cannot be due before the request was made');
    const noMeta = ZCreateInformationRequestInput.safeParse(base);
    expect(noMeta.error?.issues.map((i) => i.path[0])).toEqual(['clientRequestId', 'reason']);
    expect(ZCreateInformationRequestInput.parse({ ...base, clientRequestId: 'req-12345678', reason: 'Minuted' }).subject).toBe('Churn');
  });
});
