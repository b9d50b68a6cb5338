import { describe, expect, it } from 'vitest';
import { endOfLondonDayUtcMs } from '../calendar/london-time.js';
import { defaultCalendar } from '../lifecycle/context.js';
import { satisfyClock } from '../lifecycle/clocks.js';
import { clockViews } from '../lifecycle/views.js';
import { armClock, ladderClockViews, satisfyClocks } from '../ladder-clock/ladder-clock.js';
import { DEFAULT_INFO_REQUEST_LADDER } from '../escalation/ladder.js';
import { clockOutcome } from './outcome.js';
import { clockProgressText } from './words.js';

const calendar = defaultCalendar();
const noon = (d: string) => Date.parse(`${d}T12:00:00Z`);
// "Action plan to scrutiny", due Wednesday 31 December 2025, completed Tuesday 6 January 2026
// (1 and 2 January: a bank holiday and a Friday; 5 and 6 January working days) but typed in months later.
const milestone = { name: 'scrutiny', label: 'Action plan to scrutiny', startedOn: '2025-11-03', workingDays: 40, dueOn: '2025-12-31',
  dueAt: endOfLondonDayUtcMs('2025-12-31'), status: 'breached' as const, source: 'local', closedAt: null };
const typedIn = noon('2026-12-04');

describe('one rule for a clock done late: the working days between the due date and the day it was done', () => {
  it('counts to the business date the milestone was completed, not to the day it was recorded or to today', () => {
    const [done] = satisfyClock([milestone], 'scrutiny', '2026-01-06', typedIn);
    expect(done).toMatchObject({ status: 'breached', doneOn: '2026-01-06' });
    const [view] = clockViews({ clocks: [done!] }, noon('2027-03-01'), calendar);
    expect(view).toMatchObject({ status: 'breached', doneOn: '2026-01-06', workingDaysLate: 3, workingDaysLeft: -3 });
    expect(clockProgressText(view!)).toBe('Done, 3 working days late');
  });

  it('submitting the plan later does not move the day a late milestone was done', () => {
    const [done] = satisfyClock([milestone], 'scrutiny', '2026-01-06', typedIn);
    const [after] = satisfyClock([done!], 'scrutiny', '2026-02-10', typedIn + 1000);
    expect(clockViews({ clocks: [after!] }, typedIn, calendar)[0]).toMatchObject({ doneOn: '2026-01-06', workingDaysLate: 3 });
  });

  it('met, overdue, running and stopped clocks each read once, in the same words', () => {
    const [met] = satisfyClock([{ ...milestone, status: 'running' }], 'scrutiny', '2025-12-30', typedIn);
    expect(clockProgressText(clockViews({ clocks: [met!] }, typedIn, calendar)[0]!)).toBe('Done on time');
    const overdue = clockViews({ clocks: [milestone] }, noon('2026-01-07'), calendar)[0]!;
    expect([overdue.status, clockProgressText(overdue)]).toEqual(['overdue', '4 working days overdue']);
    const running = clockViews({ clocks: [{ ...milestone, status: 'running' }] }, noon('2025-12-29'), calendar)[0]!;
    expect([running.status, clockProgressText(running)]).toEqual(['running', '2 working days']);
    const stopped = clockViews({ clocks: [{ ...milestone, status: 'running', closedAt: noon('2025-12-20') }] }, typedIn, calendar)[0]!;
    expect([stopped.status, clockProgressText(stopped)]).toEqual(['closed', 'Stopped']);
  });

  it('a plan submitted before clocks kept their done date counts to the plan\'s submission date', () => {
    const plan = { ...milestone, name: 'actionPlan', closedAt: typedIn };
    const [view] = clockViews({ clocks: [plan], planSubmittedOn: '2026-01-02' }, typedIn, calendar);
    expect(view).toMatchObject({ status: 'breached', doneOn: '2026-01-02', workingDaysLate: 1 });
  });

  it('ladder clocks (visits, interventions, requests) follow the same rule', () => {
    const c = armClock({ name: 'answer', label: 'Answer', mode: 'deadline', startedOn: '2025-12-01', dueOn: '2025-12-31', source: 'committee',
      ladder: DEFAULT_INFO_REQUEST_LADDER, baseline: 1, at: noon('2025-12-01') });
    const [late] = satisfyClocks([c], 'answer', '2026-01-06', typedIn);
    const [view] = ladderClockViews([late!], noon('2027-03-01'), calendar);
    expect(view).toMatchObject({ status: 'breached', workingDaysLate: 3 });
    expect(clockProgressText(view!)).toBe('Done, 3 working days late');
    // Open and past its date before the deadline timer has fired: overdue already.
    expect(clockOutcome(c, noon('2026-01-02'), calendar).status).toBe('overdue');
    expect(clockOutcome({ ...c, mode: 'reminder' }, noon('2026-01-02'), calendar).status).toBe('running');
  });
});

describe('stateOfView: a re-projection from a query stores the status the workflow recorded', () => {
  it('puts back the recorded status and keeps the rest', async () => {
    const { stateOfView } = await import('./outcome.js');
    const [view] = clockViews({ clocks: [milestone] }, noon('2026-01-07'), calendar);
    expect(view!.status).toBe('overdue');
    const state = stateOfView({ clocks: [view!], phase: 'action_planning' });
    expect(state.clocks[0]).toMatchObject({ status: 'breached', dueOn: '2025-12-31' });
    expect(state.clocks[0]).not.toHaveProperty('recordedStatus');
    expect(state.phase).toBe('action_planning');
  });
});
