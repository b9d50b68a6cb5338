import { describe, expect, it } from 'vitest';
import { fromNowWords, offsetWords, outcomeWords, recipientWords, whenWords } from './words';

describe('what-if words', () => {
  it('say when a step fires, from the deadline and from today', () => {
    expect(whenWords({ fireOn: '2026-03-12', fireAt: Date.UTC(2026, 2, 13), offsetWorkingDays: 0 })).toBe('end of 12 March 2026');
    expect(whenWords({ fireOn: '2026-03-03', fireAt: Date.UTC(2026, 2, 3, 9), offsetWorkingDays: -7 })).toBe('3 March 2026 at 09:00');
    expect(offsetWords({ offsetWorkingDays: -10, dueOn: '2026-03-12' })).toBe('10 working days before the due date of 12 March 2026');
    expect(offsetWords({ offsetWorkingDays: 1, dueOn: '2026-03-12' })).toBe('1 working day after the due date of 12 March 2026');
    expect(offsetWords({ offsetWorkingDays: 0, dueOn: '2026-03-12' })).toBe('when the due date of 12 March 2026 passes');
    expect([fromNowWords(0), fromNowWords(12), fromNowWords(-1)]).toEqual(['today', 'in 12 working days', '1 working day ago']);
  });

  it('say what becomes of a step and who is emailed how', () => {
    const base = { kind: 'escalation' as const, late: false, skippedBecause: null, firedAt: Date.UTC(2026, 5, 4, 8) };
    expect(outcomeWords({ ...base, outcome: 'fired' })).toBe('Escalation raised and emailed');
    expect(outcomeWords({ ...base, outcome: 'fired', late: true })).toBe('Escalation raised late, on 4 June 2026 at 09:00');
    expect(outcomeWords({ ...base, outcome: 'superseded' })).toMatch(/^Not raised/);
    expect(outcomeWords({ ...base, kind: 'reminder', outcome: 'skipped', skippedBecause: 'deadline_passed' })).toBe('Not sent: the deadline will already have passed');
    expect(recipientWords({ name: 'Helen Okafor', roleLabel: 'Action owner', mode: 'digest', note: null })).toBe('Helen Okafor (Action owner), in the daily digest');
  });
});
