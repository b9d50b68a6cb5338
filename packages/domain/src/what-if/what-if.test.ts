import { describe, expect, it } from 'vitest';
import { londonDateOf } from '../calendar/london-time.js';
import { londonLocalTimeUtcMs } from '../escalation/ladder.js';
import { isBoardException } from './board.js';
import { compareSteps } from './compare.js';
import { figureDifferences, isOverdueAt, programmeFigures, type FigureAction } from './figures.js';
import { ZActionWhatIfInput, ZClockWhatIfInput } from './schemas.js';
import { weeklySamples } from './weeks.js';

describe('weeklySamples', () => {
  it('starts at the instant asked, then noon London each Monday, across the clock change', () => {
    // Wednesday 18 March 2026, 15:00 GMT; British Summer Time starts Sunday 29 March.
    const from = Date.UTC(2026, 2, 18, 15, 0);
    const samples = weeklySamples(from, Date.UTC(2026, 3, 7));
    expect(samples[0]).toBe(from);
    expect(samples.slice(1).map((t) => new Date(t).toISOString())).toEqual([
      '2026-03-23T12:00:00.000Z', // GMT: noon is 12:00 UTC
      '2026-03-30T11:00:00.000Z', // BST: noon is 11:00 UTC
      '2026-04-06T11:00:00.000Z',
    ]);
    expect(samples.slice(1).map(londonDateOf)).toEqual(['2026-03-23', '2026-03-30', '2026-04-06']);
  });

  it('asked on a Monday morning: the next sample is the following Monday (today is the first)', () => {
    const from = londonLocalTimeUtcMs('2026-03-23', 8, 0);
    expect(weeklySamples(from, londonLocalTimeUtcMs('2026-04-01', 0, 0)).map(londonDateOf)).toEqual(['2026-03-23', '2026-03-30']);
  });
});

describe('compareSteps', () => {
  const step = (slot: string, fireAt: number, raised = true) => ({ slot, fireAt, raised });
  it('says what stops, starts, moves and stays, ignoring steps not raised', () => {
    const before = [step('remind-5', 1), step('red-0', 2), step('pm-5', 3), step('director-10', 4), step('remind-10', 0, false)];
    const after = [step('remind-10', 10), step('red-0', 2), step('pm-5', 30), step('dfe-20', 50)];
    const c = compareSteps(before, after);
    expect(c.stops.map((s) => s.slot)).toEqual(['remind-5', 'director-10']);
    expect(c.starts.map((s) => s.slot)).toEqual(['remind-10', 'dfe-20']);
    expect(c.moves.map((m) => [m.from.slot, m.from.fireAt, m.to.fireAt])).toEqual([['pm-5', 3, 30]]);
    expect(c.unchanged.map((s) => s.slot)).toEqual(['red-0']);
  });

  it('matches a slot raised twice in firing order', () => {
    const c = compareSteps([step('a', 1), step('a', 5)], [step('a', 1), step('a', 6), step('a', 9)]);
    expect(c.unchanged).toHaveLength(1);
    expect(c.moves.map((m) => [m.from.fireAt, m.to.fireAt])).toEqual([[5, 6]]);
    expect(c.starts.map((s) => s.fireAt)).toEqual([9]);
  });
});

describe('programme figures', () => {
  const a = (workstream: string | null, rag: FigureAction['rag'], overdue = false): FigureAction => ({ workstream, rag, overdue });

  it('counts overdue actions and RAG per workstream, leaving cancelled out', () => {
    const f = programmeFigures([a('front-door', 'red', true), a('front-door', 'amber'), a(null, 'green'), a('front-door', 'cancelled')]);
    expect(f.overdue).toBe(1);
    expect(f.byWorkstream).toEqual({
      'front-door': { red: 1, amber: 1, green: 0, awaiting_sign_off: 0, complete: 0 },
      '': { red: 0, amber: 0, green: 1, awaiting_sign_off: 0, complete: 0 },
    });
  });

  it('words the differences between two sets of figures, by workstream name', () => {
    const before = programmeFigures([a('front-door', 'amber'), a('care', 'green')]);
    const after = programmeFigures([a('front-door', 'red', true), a('care', 'green')]);
    expect(figureDifferences(before, after, (k) => (k === 'front-door' ? '1. Front door' : k))).toEqual([
      'Overdue actions: 0 → 1',
      '1. Front door: red 0 → 1, amber 1 → 0',
    ]);
    expect(figureDifferences(before, before, String)).toEqual([]);
  });

  it('overdue: open and past the end of the due date (awaiting sign-off has been delivered)', () => {
    expect(isOverdueAt({ status: 'open', dueAt: 100 }, 100)).toBe(true);
    expect(isOverdueAt({ status: 'open', dueAt: 100 }, 99)).toBe(false);
    expect(isOverdueAt({ status: 'awaiting_sign_off', dueAt: 100 }, 200)).toBe(false);
  });
});

describe('board-level exceptions', () => {
  it('escalations from the director up; reminders and lower levels are not', () => {
    expect(isBoardException({ kind: 'escalation', level: 'director' })).toBe(true);
    expect(isBoardException({ kind: 'escalation', level: 'dfe' })).toBe(true);
    expect(isBoardException({ kind: 'escalation', level: 'chief_executive' })).toBe(true);
    expect(isBoardException({ kind: 'reminder', level: 'director' })).toBe(false);
    expect(isBoardException({ kind: 'escalation', level: 'programme_manager' })).toBe(false);
    expect(isBoardException({ kind: 'escalation', level: 'committee_chair' })).toBe(false);
  });
});

describe('what-if inputs', () => {
  it('name the field a bad date or clock is in', () => {
    const bad = ZActionWhatIfInput.safeParse({ actionId: 'a', change: { kind: 'extension', newDueOn: '2026-02-30' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['change.newDueOn']);
    const clock = ZClockWhatIfInput.safeParse({ programmeId: 'p', clock: 'nextMonitoringVisit', change: { kind: 'not_done' } });
    expect(clock.error?.issues.map((i) => i.path.join('.'))).toEqual(['clock']);
    const slip = ZClockWhatIfInput.safeParse({ programmeId: 'p', clock: 'actionPlan', change: { kind: 'slips', workingDays: 0 } });
    expect(slip.error?.issues.map((i) => i.path.join('.'))).toEqual(['change.workingDays']);
    expect(ZActionWhatIfInput.parse({ actionId: ' a ', change: { kind: 'none' } }).actionId).toBe('a');
  });
});
