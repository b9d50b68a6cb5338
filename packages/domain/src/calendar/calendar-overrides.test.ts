import { describe, it, expect } from 'vitest';
import { checkedOverrides, overridesFingerprint } from './calendar-overrides.js';
import { ZCalendarOverrides } from './schemas.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

describe('admin overrides', () => {
  it('add: a short-notice holiday becomes a non-working day and shifts deadlines', () => {
    const base = new WorkingDayCalendar();
    const cal = new WorkingDayCalendar({
      overrides: { add: [{ date: '2026-01-12', title: 'Bank holiday for a state occasion' }] },
    });
    expect(base.isWorkingDay('2026-01-12')).toBe(true);
    expect(cal.isWorkingDay('2026-01-12')).toBe(false);
    expect(cal.holidayOn('2026-01-12')).toEqual({
      date: '2026-01-12', title: 'Bank holiday for a state occasion', notes: '', origin: 'override',
    });
    expect(base.addWorkingDays('2025-11-03', 70)).toBe('2026-02-12');
    expect(cal.addWorkingDays('2025-11-03', 70)).toBe('2026-02-13');
    expect(cal.version).toMatch(/^gov\.uk england-and-wales snapshot 2018-2027 r1 \+ rules; overrides: 1 \([0-9a-f]{8}\)$/);
  });

  it('remove: a cancelled (moved) bank holiday becomes a working day', () => {
    const cal = new WorkingDayCalendar({
      overrides: { remove: ['2026-05-25'], add: [{ date: '2026-06-01', title: 'Spring bank holiday (moved)' }] },
    });
    expect(cal.isWorkingDay('2026-05-25')).toBe(true);
    expect(cal.isWorkingDay('2026-06-01')).toBe(false);
    expect(cal.holidaysIn('2026-05-01', '2026-06-30').map((h) => `${h.date} ${h.origin}`)).toEqual([
      '2026-05-04 snapshot', '2026-06-01 override',
    ]);
    expect(cal.version).toContain('overrides: 2');
  });

  it('overrides also apply to rule-generated years', () => {
    const cal = new WorkingDayCalendar({ overrides: { remove: ['2030-08-26'] } });
    expect(new WorkingDayCalendar().isWorkingDay('2030-08-26')).toBe(false);
    expect(cal.isWorkingDay('2030-08-26')).toBe(true);
  });

  it('refuses to remove Christmas Day or Good Friday (named in SI 2007/462)', () => {
    expect(() => new WorkingDayCalendar({ overrides: { remove: ['2026-12-25'] } })).toThrow(/Christmas Day/);
    const r = ZCalendarOverrides.safeParse({ remove: ['2026-04-03'] });
    expect(r.error?.issues[0]).toMatchObject({ path: ['remove', 0], message: expect.stringContaining('Good Friday') });
    // The substitute for a weekend Christmas is an ordinary bank holiday and may be removed.
    expect(ZCalendarOverrides.safeParse({ remove: ['2027-12-27'] }).success).toBe(true);
  });

  it('rejects contradictory or malformed overrides with clear paths', () => {
    const both = ZCalendarOverrides.safeParse({ add: [{ date: '2026-06-01', title: 'x' }], remove: ['2026-06-01'] });
    expect(both.error?.issues[0]?.message).toBe('2026-06-01 is both added and removed');
    const twice = ZCalendarOverrides.safeParse({ add: [{ date: '2026-06-01', title: 'a' }, { date: '2026-06-01', title: 'b' }] });
    expect(twice.error?.issues[0]?.path).toEqual(['add', 1, 'date']);
    expect(ZCalendarOverrides.safeParse({ add: [{ date: '2026-02-30', title: 'x' }] }).success).toBe(false);
    expect(ZCalendarOverrides.safeParse({ add: [{ date: '2026-06-01', title: '  ' }] }).success).toBe(false);
  });

  it('the calendar checks overrides without zod, by the same rules and with the same result as ZCalendarOverrides', () => {
    expect(() => new WorkingDayCalendar({ overrides: { add: [{ date: '2026-02-30', title: 'x' }] } })).toThrow(/^add\.0\.date: "2026-02-30" does not exist/);
    expect(() => new WorkingDayCalendar({ overrides: { add: [{ date: '2026-06-01', title: '  ' }] } })).toThrow(RangeError);
    expect(() => new WorkingDayCalendar({ overrides: { remove: ['2026-04-03'] } })).toThrow(/^remove\.0: 2026-04-03 is Good Friday/);
    expect(() => new WorkingDayCalendar({ overrides: { add: [{ date: '2026-06-01', title: 'x' }], remove: ['2026-06-01'] } })).toThrow('remove.0: 2026-06-01 is both added and removed');
    expect(() => new WorkingDayCalendar({ division: 'wales' as never })).toThrow(/^division:/);
    for (const input of [{}, { remove: ['2026-05-25'] }, { add: [{ date: '2026-06-01', title: ' Jubilee ' }], remove: ['2027-12-27'] }]) {
      expect(JSON.stringify(checkedOverrides(input))).toBe(JSON.stringify(ZCalendarOverrides.parse(input)));
    }
  });

  it('fingerprint depends on content, not order', () => {
    const a = ZCalendarOverrides.parse({ remove: ['2026-05-25', '2026-08-31'] });
    const b = ZCalendarOverrides.parse({ remove: ['2026-08-31', '2026-05-25'] });
    const c = ZCalendarOverrides.parse({ remove: ['2026-05-25', '2026-05-04'] });
    expect(overridesFingerprint(a)).toBe(overridesFingerprint(b));
    expect(overridesFingerprint(a)).not.toBe(overridesFingerprint(c));
  });
});
