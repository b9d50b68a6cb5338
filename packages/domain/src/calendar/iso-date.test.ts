import { describe, it, expect } from 'vitest';
import { ZIsoDate } from './schemas.js';
import {
  addDays,
  addMonths,
  compareIsoDates,
  dayOfWeek,
  daysBetween,
  formatIsoDate,
  fromDayNumber,
  isIsoDate,
  isWeekend,
  isoDateFromUtcDate,
  isoDateParts,
  isoDateToUtcDate,
  parseIsoDate,
  toDayNumber,
} from './iso-date.js';

describe('ZIsoDate', () => {
  it('accepts real dates, including 29 Feb in a leap year', () => {
    expect(ZIsoDate.parse('2024-02-29')).toBe('2024-02-29');
    expect(ZIsoDate.parse('2000-02-29')).toBe('2000-02-29'); // divisible by 400: leap
    expect(ZIsoDate.parse('2025-11-03')).toBe('2025-11-03');
  });

  it('rejects 2026-02-30 with a message naming the month length', () => {
    const r = ZIsoDate.safeParse('2026-02-30');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('"2026-02-30" does not exist: February 2026 has 28 days');
  });

  it('rejects 29 Feb in a non-leap year (2025, and 1900 which is divisible by 100)', () => {
    expect(ZIsoDate.safeParse('2025-02-29').error?.issues[0]?.message).toContain('February 2025 has 28 days');
    expect(ZIsoDate.safeParse('1900-02-29').success).toBe(false);
  });

  it('rejects malformed strings and impossible months/days', () => {
    for (const bad of ['2026-2-3', '03/11/2025', '2025-11-03T00:00:00Z', '', '2025-13-01', '2025-00-10', '2025-04-31', '2025-01-00', '0099-01-01']) {
      expect(ZIsoDate.safeParse(bad).success, bad).toBe(false);
    }
    expect(ZIsoDate.safeParse('2025-04-31').error?.issues[0]?.message).toContain('April 2025 has 30 days');
  });

  it('rejects non-strings', () => {
    expect(ZIsoDate.safeParse(20251103).success).toBe(false);
    expect(ZIsoDate.safeParse(new Date()).success).toBe(false);
  });
});

describe('parse/format', () => {
  it('parseIsoDate throws a RangeError with the same message', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow(RangeError);
    expect(() => parseIsoDate('2026-02-30')).toThrow('February 2026 has 28 days');
    expect(parseIsoDate('2026-02-28')).toBe('2026-02-28');
  });

  it('isIsoDate is a non-throwing check', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
  });

  it('round-trips parts and refuses to roll over invalid parts', () => {
    expect(isoDateParts('2026-02-12')).toEqual({ year: 2026, month: 2, day: 12 });
    expect(formatIsoDate({ year: 2026, month: 2, day: 12 })).toBe('2026-02-12');
    expect(() => formatIsoDate({ year: 2026, month: 6, day: 31 })).toThrow(RangeError);
  });

  it('converts to and from UTC Date objects without touching the local zone', () => {
    expect(isoDateToUtcDate('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(isoDateFromUtcDate(new Date(Date.UTC(2026, 9, 25, 23, 59)))).toBe('2026-10-25');
  });
});

describe('arithmetic', () => {
  it('day numbers are days since 1970-01-01 and invert exactly', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    for (const d of ['1999-12-31', '2024-02-29', '2025-11-03', '2100-03-01']) {
      expect(fromDayNumber(toDayNumber(d))).toBe(d);
    }
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    // Across both 2026 clock changes: a UTC-based day is always 24 h, so no drift.
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('adds months, clamping to the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-03', 3)).toBe('2026-02-03');
    expect(addMonths('2026-05-15', -6)).toBe('2025-11-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('2025-11-03')).toBe(1); // Monday
    expect(dayOfWeek('2026-02-12')).toBe(4); // Thursday
    expect(dayOfWeek('1969-12-28')).toBe(0); // Sunday, before the epoch
    expect(isWeekend('2026-03-29')).toBe(true);
    expect(isWeekend('2026-03-30')).toBe(false);
  });

  it('compares and measures', () => {
    expect(compareIsoDates('2025-11-03', '2026-02-12')).toBe(-1);
    expect(compareIsoDates('2026-02-12', '2026-02-12')).toBe(0);
    expect(['2026-02-12', '2025-11-03', '2025-12-01'].sort(compareIsoDates)).toEqual(['2025-11-03', '2025-12-01', '2026-02-12']);
    expect(daysBetween('2025-11-03', '2026-02-12')).toBe(101);
  });
});
