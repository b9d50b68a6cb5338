import { describe, expect, it } from 'vitest';
import { dateProblem, EMPTY_PARTS, fieldValueOf, partsOf } from './DateInputParts';

describe('GOV.UK-style date input parts', () => {
  it('splits an ISO date into day, month and year without leading zeros, and joins them back', () => {
    expect(partsOf('2026-02-03')).toEqual({ day: '3', month: '2', year: '2026' });
    expect(fieldValueOf({ day: '3', month: '2', year: '2026' })).toBe('2026-02-03');
    expect(partsOf(null)).toEqual(EMPTY_PARTS);
    expect(partsOf('03/02/2026')).toEqual(EMPTY_PARTS);
  });

  it('holds null when nothing was typed, so the form schema says the date is required', () => {
    expect(fieldValueOf({ day: ' ', month: '', year: '' })).toBeNull();
    expect(dateProblem(EMPTY_PARTS, 'Report received')).toBeUndefined();
  });

  it('says 30 February is not a real date, naming the month’s length', () => {
    const parts = { day: '30', month: '2', year: '2026' };
    expect(dateProblem(parts, 'Report received')).toEqual({ message: 'Report received must be a real date: February 2026 has 28 days', parts: ['day'] });
    expect(dateProblem({ day: '29', month: '2', year: '2028' }, 'Due')).toBeUndefined();
    expect(dateProblem({ day: '1', month: '13', year: '2026' }, 'Due')?.message).toBe('Due must be a real date: there is no month 13');
  });

  it('names the missing parts, non-numbers and short years as GOV.UK does', () => {
    expect(dateProblem({ day: '4', month: '', year: '' }, 'Due')).toEqual({ message: 'Due must include a month and a year', parts: ['month', 'year'] });
    expect(dateProblem({ day: 'x', month: '6', year: '2026' }, 'Due')?.message).toBe('Due must be a real date, in numbers');
    expect(dateProblem({ day: '4', month: '6', year: '26' }, 'Due')).toEqual({ message: 'Year must include 4 numbers', parts: ['year'] });
  });
});
