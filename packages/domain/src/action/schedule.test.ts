import { describe, expect, it } from 'vitest';
import { endOfLondonDayUtcMs, londonMidnightUtcMs } from '../calendar/index.js';
import { DEFAULT_ACTION_LADDER, scheduleLadder } from '../escalation/ladder.js';
import type { TActor } from '../schemas/common.js';
import { defaultActionContext, reduceAction } from './reducer.js';
import { actionView, ladderStepEvent, pendingActionSteps } from './schedule.js';
import { ZActionDefinition } from './schemas.js';
import { DEFAULT_ACTION_RULES, type TActionState } from './state.js';

const ctx = defaultActionContext();
const cal = ctx.calendar;
const at = (date: string, hh = 10) => londonMidnightUtcMs(date) + hh * 3_600_000;
const pm: TActor = { userId: 'u-pm', role: 'programme_manager' };
const pm2: TActor = { userId: 'u-pm2', role: 'programme_manager' };

function create(createdAt: number, ofstedLinked = true, dueOn = '2027-04-01'): TActionState {
  const definition = ZActionDefinition.parse({ programmeId: 'p1', title: 'Front door audit', owner: { name: 'Sam' }, dueOn, ofstedLinked });
  return reduceAction(null, { type: 'action_created', at: createdAt, actor: pm, reason: 'plan', actionId: 'a1', definition,
    ladder: DEFAULT_ACTION_LADDER, rules: DEFAULT_ACTION_RULES }, ctx);
}
const ids = (s: TActionState) => pendingActionSteps(s, cal).map((p) => p.escalationId);

describe('pendingActionSteps', () => {
  it('schedules the whole ladder for an Ofsted-linked action, with ids carrying the baseline', () => {
    const s = create(at('2027-01-04'));
    const pending = pendingActionSteps(s, cal);
    expect(pending.map((p) => [p.step.id, p.fireOn])).toEqual([
      ['remind-10', '2027-03-16'], ['remind-5', '2027-03-23'], ['red-0', '2027-04-01'],
      ['pm-5', '2027-04-08'], ['director-10', '2027-04-15'], ['dfe-20', '2027-04-29'],
    ]);
    // The same instants scheduleLadder gives (09:00 GMT before 28 March, 09:00 BST after; red at the end of the day).
    expect(pending.map((p) => p.fireAt)).toEqual(scheduleLadder(DEFAULT_ACTION_LADDER, '2027-04-01', cal, { ofstedLinked: true }).map((x) => x.fireAt));
    expect(pending[0]?.fireAt).toBe(Date.UTC(2027, 2, 16, 9));
    expect(pending[3]?.fireAt).toBe(Date.UTC(2027, 3, 8, 8));
    expect(pending[0]?.escalationId).toBe('a1/action-default/remind-10/b0');
  });

  it('leaves out the +20 WD step unless the action is Ofsted-linked', () => {
    expect(ids(create(at('2027-01-04'), false)).map((i) => i.split('/')[2])).toEqual(['remind-10', 'remind-5', 'red-0', 'pm-5', 'director-10']);
  });

  it('does not send steps whose instant had passed when the action was created', () => {
    expect(ids(create(at('2027-03-25'))).map((i) => i.split('/')[2])).toEqual(['red-0', 'pm-5', 'director-10', 'dfe-20']);
  });

  it('after a step is reached it is no longer pending; after an extension only new-baseline steps are', () => {
    const s0 = create(at('2027-01-04'));
    const first = pendingActionSteps(s0, cal)[0]!;
    const s1 = reduceAction(s0, ladderStepEvent(s0, first, first.fireAt), ctx);
    expect(ids(s1)).not.toContain(first.escalationId);
    const asked = reduceAction(s1, { type: 'extension_requested', at: at('2027-03-17'), actor: pm, reason: 'r', newDueOn: '2027-05-13', justification: 'Needs the new system' }, ctx);
    const s2 = reduceAction(asked, { type: 'extension_approved', at: at('2027-03-18'), actor: pm2, reason: 'ok' }, ctx);
    const pending = pendingActionSteps(s2, cal);
    expect(pending.every((p) => p.baseline === 1 && p.escalationId.endsWith('/b1'))).toBe(true);
    expect(pending.map((p) => p.fireAt)).toEqual(scheduleLadder(DEFAULT_ACTION_LADDER, '2027-05-13', cal, { ofstedLinked: true }).map((x) => x.fireAt));
    expect(pending[0]?.fireOn).toBe('2027-04-28');
  });

  it('nothing is pending once the action is closed', () => {
    const s = reduceAction(create(at('2027-01-04')), { type: 'action_cancelled', at: at('2027-01-05'), actor: pm, reason: 'Merged into A7' }, ctx);
    expect(pendingActionSteps(s, cal)).toEqual([]);
  });
});

describe('actionView', () => {
  it('shows time left in working days and ms, the RAG now, and the pending schedule', () => {
    const s = create(at('2027-01-04'));
    const now = at('2027-03-22', 12);
    const v = actionView(s, now, cal);
    // 23, 24, 25, (Good Friday), (Easter Monday), 30, 31 March, 1 April.
    expect(v.timeLeft).toEqual({ workingDays: 6, ms: endOfLondonDayUtcMs('2027-04-01') - now });
    expect(v.rag.rag).toBe('amber');
    expect(v.rag.asAt).toBe(now);
    expect(v.pendingSteps[0]).toMatchObject({ stepId: 'remind-10', kind: 'reminder', level: 'owner', baseline: 0, fireOn: '2027-03-16' });
    expect(actionView(s, at('2027-04-06'), cal).timeLeft.workingDays).toBe(-3);
  });
});
