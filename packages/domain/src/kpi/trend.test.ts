import { describe, expect, it } from 'vitest';
import type { TKpiReading } from '../schemas/kpi.js';
import { kpiTrend } from './trend.js';

const r = (periodEnd: string, value: number, kpiKey = 'k'): TKpiReading => ({ kpiKey, periodEnd, value });

describe('kpiTrend', () => {
  it('is flat with fewer than two periods', () => {
    expect(kpiTrend([], 'higher_is_better')).toBe('flat');
    expect(kpiTrend([r('2026-01-31', 50)], 'higher_is_better')).toBe('flat');
  });

  it('reads rising as improving only when higher is better', () => {
    const rising = [r('2017-04-30', 68), r('2017-07-31', 70)];
    expect(kpiTrend(rising, 'higher_is_better')).toBe('improving');
    expect(kpiTrend(rising, 'lower_is_better')).toBe('worsening');
  });

  it('reads a falling caseload as improving', () => {
    expect(kpiTrend([r('2018-05-31', 17), r('2018-06-30', 16)], 'lower_is_better')).toBe('improving');
  });

  it('compares the latest two periods in period order, after corrections', () => {
    const rs = [r('2026-03-31', 60), r('2026-01-31', 90), r('2026-02-28', 70), r('2026-03-31', 65)];
    expect(kpiTrend(rs, 'higher_is_better')).toBe('worsening');
    expect(kpiTrend([...rs, r('2026-03-31', 75)], 'higher_is_better')).toBe('improving');
  });

  it('treats a change within the tolerance as flat, and beyond it as movement', () => {
    const rs = [r('2026-01-31', 80), r('2026-02-28', 81)];
    expect(kpiTrend(rs, 'higher_is_better', { tolerance: 1 })).toBe('flat');
    expect(kpiTrend(rs, 'higher_is_better', { tolerance: 0.5 })).toBe('improving');
    expect(kpiTrend([r('2026-01-31', 80), r('2026-02-28', 80)], 'higher_is_better')).toBe('flat');
  });

  it('refuses mixed KPIs and a negative tolerance', () => {
    expect(() => kpiTrend([r('2026-01-31', 1, 'a'), r('2026-02-28', 2, 'b')], 'higher_is_better')).toThrow(/one KPI/);
    expect(() => kpiTrend([], 'higher_is_better', { tolerance: -1 })).toThrow(RangeError);
  });
});
