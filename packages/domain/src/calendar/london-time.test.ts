import { describe, it, expect } from 'vitest';
import {
  endOfLondonDayUtcMs,
  londonDateOf,
  londonMidnightUtcMs,
  londonOffsetMinutes,
  ukClockChangesUtcMs,
} from './london-time.js';

const utc = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();

describe('londonOffsetMinutes', () => {
  it('BST starts at 01:00 UTC on Sun 29 Mar 2026', () => {
    expect(londonOffsetMinutes(utc('2026-03-29T00:59:59.999Z'))).toBe(0);
    expect(londonOffsetMinutes(utc('2026-03-29T01:00:00.000Z'))).toBe(60);
  });

  it('BST ends at 01:00 UTC on Sun 25 Oct 2026', () => {
    expect(londonOffsetMinutes(utc('2026-10-25T00:59:59.999Z'))).toBe(60);
    expect(londonOffsetMinutes(utc('2026-10-25T01:00:00.000Z'))).toBe(0);
  });

  it('is GMT in winter and BST in summer', () => {
    expect(londonOffsetMinutes(utc('2026-01-15T12:00:00Z'))).toBe(0);
    expect(londonOffsetMinutes(utc('2026-07-15T12:00:00Z'))).toBe(60);
    expect(londonOffsetMinutes(utc('2025-12-31T23:59:59Z'))).toBe(0);
  });

  it('finds the last Sundays of March and October', () => {
    expect(iso(ukClockChangesUtcMs(2025).bstStartsMs)).toBe('2025-03-30T01:00:00.000Z');
    expect(iso(ukClockChangesUtcMs(2025).bstEndsMs)).toBe('2025-10-26T01:00:00.000Z');
    expect(iso(ukClockChangesUtcMs(2026).bstStartsMs)).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(ukClockChangesUtcMs(2026).bstEndsMs)).toBe('2026-10-25T01:00:00.000Z');
    expect(iso(ukClockChangesUtcMs(2027).bstStartsMs)).toBe('2027-03-28T01:00:00.000Z');
  });

  it('rejects a non-finite instant', () => {
    expect(() => londonOffsetMinutes(Number.NaN)).toThrow(RangeError);
  });
});

describe('londonDateOf', () => {
  it('late evening UTC in summer is already tomorrow in London', () => {
    expect(londonDateOf(utc('2026-06-01T22:59:59Z'))).toBe('2026-06-01');
    expect(londonDateOf(utc('2026-06-01T23:00:00Z'))).toBe('2026-06-02');
  });

  it('in winter London date equals UTC date', () => {
    expect(londonDateOf(utc('2026-02-12T23:59:59Z'))).toBe('2026-02-12');
    expect(londonDateOf(utc('2026-02-13T00:00:00Z'))).toBe('2026-02-13');
  });

  it('around the autumn change the repeated hour stays on the same date', () => {
    expect(londonDateOf(utc('2026-10-24T23:00:00Z'))).toBe('2026-10-25'); // 00:00 BST
    expect(londonDateOf(utc('2026-10-25T01:30:00Z'))).toBe('2026-10-25'); // 01:30 GMT, second time round
  });
});

describe('londonMidnightUtcMs and endOfLondonDayUtcMs', () => {
  it('midnight is 00:00 UTC in winter and 23:00 UTC the day before in summer', () => {
    expect(iso(londonMidnightUtcMs('2026-02-12'))).toBe('2026-02-12T00:00:00.000Z');
    expect(iso(londonMidnightUtcMs('2026-06-01'))).toBe('2026-05-31T23:00:00.000Z');
  });

  it('handles the change days: 29 Mar 2026 (23 h long) and 25 Oct 2026 (25 h long)', () => {
    expect(iso(londonMidnightUtcMs('2026-03-29'))).toBe('2026-03-29T00:00:00.000Z');
    expect(iso(londonMidnightUtcMs('2026-03-30'))).toBe('2026-03-29T23:00:00.000Z');
    expect(endOfLondonDayUtcMs('2026-03-29') - londonMidnightUtcMs('2026-03-29')).toBe(23 * 3_600_000);
    expect(iso(londonMidnightUtcMs('2026-10-25'))).toBe('2026-10-24T23:00:00.000Z');
    expect(iso(londonMidnightUtcMs('2026-10-26'))).toBe('2026-10-26T00:00:00.000Z');
    expect(endOfLondonDayUtcMs('2026-10-25') - londonMidnightUtcMs('2026-10-25')).toBe(25 * 3_600_000);
  });

  it('a deadline on Thu 12 Feb 2026 ends at 00:00 UTC on 13 Feb; one on 1 Jun 2026 at 23:00 UTC', () => {
    expect(iso(endOfLondonDayUtcMs('2026-02-12'))).toBe('2026-02-13T00:00:00.000Z');
    expect(iso(endOfLondonDayUtcMs('2026-06-01'))).toBe('2026-06-01T23:00:00.000Z');
  });

  it('is consistent with londonDateOf on every day of 2026', () => {
    let d = '2026-01-01';
    for (let i = 0; i < 365; i++) {
      const start = londonMidnightUtcMs(d);
      const end = endOfLondonDayUtcMs(d);
      expect(londonDateOf(start)).toBe(d);
      expect(londonDateOf(end - 1)).toBe(d);
      expect(londonDateOf(end)).not.toBe(d);
      d = londonDateOf(end);
    }
    expect(d).toBe('2027-01-01');
  });

  it('rejects invalid dates', () => {
    expect(() => endOfLondonDayUtcMs('2026-02-30')).toThrow(RangeError);
  });
});
