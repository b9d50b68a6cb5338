import { describe, expect, it } from 'vitest';
import { endOfLondonDayUtcMs } from '../calendar/index.js';
import { defaultLifecycleContext } from './context.js';
import { LifecycleRejection, nextDeadline, reduceProgramme } from './reducer.js';
import type { TProgrammeState } from './state.js';

const ctx = defaultLifecycleContext();
const actor = { userId: 'u1', role: 'programme_manager' as const, name: 'Priya Shah' };
const started = reduceProgramme(null, {
  type: 'programme_started', at: 1000, actor, reason: 'Judged inadequate',
  programmeId: 'programme-E09000099-1', onsCode: 'E09000099', authorityName: 'Northmoor Borough Council', cycle: 1,
}, ctx);
const inspection = (grade: 'inadequate' | 'requires_improvement' | 'good') => ({
  type: 'standard' as const, fieldworkStartedOn: '2025-09-29', fieldworkEndedOn: '2025-10-10',
  reportReceivedOn: '2025-11-03', judgements: { overallEffectiveness: grade },
});
const record = (s: TProgrammeState, grade: 'inadequate' | 'requires_improvement' | 'good') =>
  reduceProgramme(s, { type: 'inspection_recorded', at: 2000, actor, reason: 'Report received', inspection: inspection(grade) }, ctx);

describe('reduceProgramme', () => {
  it('starts awaiting inspection at version 1 with the calendar version recorded', () => {
    expect(started.phase).toBe('awaiting_inspection');
    expect(started.version).toBe(1);
    expect(started.calendarVersion).toMatch(/england-and-wales/);
    expect(started.history[0]?.actor?.name).toBe('Priya Shah');
  });

  it('an inadequate judgement starts the 30 WD publish and 70 WD action-plan clocks from report receipt', () => {
    const s = record(started, 'inadequate');
    expect(s.phase).toBe('action_planning');
    expect(s.clocks.map((c) => [c.name, c.dueOn])).toEqual([['publishReport', '2025-12-15'], ['actionPlan', '2026-02-12']]);
    expect(s.clocks.find((c) => c.name === 'actionPlan')?.dueAt).toBe(endOfLondonDayUtcMs('2026-02-12'));
    expect(nextDeadline(s)?.name).toBe('publishReport');
    expect(s.version).toBe(2);
  });

  it('a good judgement returns to routine with no action-plan clock', () => {
    const s = record(started, 'good');
    expect(s.phase).toBe('routine');
    expect(s.clocks.map((c) => c.name)).toEqual(['publishReport']);
  });

  it('rejects a second inspection and a plan before any inspection, with reasons', () => {
    const s = record(started, 'inadequate');
    expect(() => record(s, 'good')).toThrow(LifecycleRejection);
    expect(() => reduceProgramme(started, { type: 'plan_submitted', at: 3000, actor, reason: 'x', submittedOn: '2026-01-01' }, ctx))
      .toThrow(/no action plan to submit/);
  });

  it('a plan submitted by the due date is met even if recorded after the timer fired', () => {
    let s = record(started, 'inadequate');
    s = reduceProgramme(s, { type: 'clock_elapsed', at: 9e12, clock: 'actionPlan' }, ctx);
    expect(s.clocks.find((c) => c.name === 'actionPlan')?.status).toBe('breached');
    s = reduceProgramme(s, { type: 'plan_submitted', at: 9e12 + 1, actor, reason: 'Recorded late', submittedOn: '2026-02-12' }, ctx);
    expect(s.clocks.find((c) => c.name === 'actionPlan')?.status).toBe('met');
    expect(s.phase).toBe('plan_submitted');
  });

  it('a plan submitted after the due date is breached', () => {
    const s = reduceProgramme(record(started, 'inadequate'), { type: 'plan_submitted', at: 3000, actor, reason: 'Late', submittedOn: '2026-02-13' }, ctx);
    expect(s.clocks.find((c) => c.name === 'actionPlan')?.status).toBe('breached');
  });

  it('is pure: the input state is never mutated', () => {
    const before = JSON.stringify(started);
    record(started, 'inadequate');
    expect(JSON.stringify(started)).toBe(before);
  });
});
