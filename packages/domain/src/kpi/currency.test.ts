import { describe, expect, it } from 'vitest';
import { kpiCurrency } from './currency.js';

describe('kpiCurrency: a reading older than its reporting period is flagged', () => {
  it('flags 2017-18 readings as out of date today, and names the period whose reading is missing', () => {
    expect(kpiCurrency('2018-06-30', 'quarterly', '2026-12-04')).toEqual({ outOfDate: true, readingMissingFor: '2018-09-30' });
    expect(kpiCurrency('2018-03-31', 'monthly', '2026-12-04')).toEqual({ outOfDate: true, readingMissingFor: '2018-04-30' });
  });
  it('keeps the latest period and the one being collected current; no readings is not out of date', () => {
    expect(kpiCurrency('2026-10-31', 'monthly', '2026-11-30')).toEqual({ outOfDate: false, readingMissingFor: null });
    expect(kpiCurrency('2026-09-30', 'quarterly', '2026-12-04').outOfDate).toBe(false);
    expect(kpiCurrency(null, 'monthly', '2026-12-04').outOfDate).toBe(false);
    // A month end stays a month end: February's reading is current until the end of March.
    expect(kpiCurrency('2026-02-28', 'monthly', '2026-03-30').outOfDate).toBe(false);
    expect(kpiCurrency('2026-02-28', 'monthly', '2026-04-01').readingMissingFor).toBe('2026-03-31');
  });
});
