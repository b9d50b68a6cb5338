import { describe, expect, it } from 'vitest';
import { endOfLondonDayUtcMs } from '../calendar/index.js';
import { ZLadder } from '../escalation/index.js';
import { defaultCalendar } from '../lifecycle/context.js';
import { armClock, fireLadderTimer, ladderClockViews, pendingLadderTimers, satisfyClocks } from './ladder-clock.js';

const cal = defaultCalendar();
const ladder = ZLadder.parse({
  id: 'test', name: 'Test ladder',
  steps: [
    { id: 'remind-3', offsetWorkingDays: -3, kind: 'reminder', level: 'owner', label: 'Due in 3 WD' },
    { id: 'late-0', offsetWorkingDays: 0, kind: 'escalation', level: 'director', label: 'Overdue' },
    { id: 'late-5', offsetWorkingDays: 5, kind: 'escalation', level: 'improvement_board', label: 'Overdue 5 WD' },
  ],
});
const arm = (dueOn: string, at: number, mode: 'deadline' | 'reminder' = 'deadline') =>
  armClock({ name: 'c', label: 'Clock', mode, startedOn: '2027-01-04', dueOn, source: 'test', ladder, baseline: 7, at });

describe('ladder clocks', () => {
  it('orders the deadline before the escalation at the same instant', () => {
    const timers = pendingLadderTimers([arm('2027-02-10', 0)], cal);
    expect(timers.map((t) => t.stepId)).toEqual(['remind-3', null, 'late-0', 'late-5']);
    expect(timers[1]?.fireAt).toBe(endOfLondonDayUtcMs('2027-02-10'));
  });

  it('armed late: stale reminders are skipped but overdue escalations still fire (the obligation is unmet)', () => {
    const c = arm('2027-02-10', Date.UTC(2027, 1, 12, 12));
    expect(pendingLadderTimers([c], cal).map((t) => t.stepId)).toEqual([null, 'late-0', 'late-5']);
  });

  it('a reminder-only clock never turns overdue; a stale or repeated timer is a no-op', () => {
    expect(pendingLadderTimers([arm('2027-02-10', 0, 'reminder')], cal).map((t) => t.stepId)).toEqual(['remind-3', 'late-0', 'late-5']);
    const c = arm('2027-02-10', 0);
    expect(fireLadderTimer([c], { clock: 'c', baseline: 6, stepId: 'late-0' }, 1)).toBeNull();
    const once = fireLadderTimer([c], { clock: 'c', baseline: 7, stepId: 'late-0' }, 1)!;
    expect(fireLadderTimer(once.clocks, { clock: 'c', baseline: 7, stepId: 'late-0' }, 2)).toBeNull();
    const met = satisfyClocks([c], 'c', '2027-02-10', 3);
    expect(met[0]?.status).toBe('met');
    expect(pendingLadderTimers(met, cal)).toEqual([]);
  });

  it('views give working days and ms left, and the next step', () => {
    const at = Date.UTC(2027, 1, 1, 12);
    const [v] = ladderClockViews([arm('2027-02-10', 0)], at, cal);
    expect(v).toMatchObject({ workingDaysLeft: 7, msLeft: endOfLondonDayUtcMs('2027-02-10') - at, nextStep: { stepId: 'remind-3' } });
  });
});
