import { describe, expect, it } from 'vitest';
import { ZKpiDefinition, type TKpiReading } from '../schemas/kpi.js';
import { kpiBreachStreak } from './streak.js';

const caseload = ZKpiDefinition.parse({
  key: 'caseload_average',
  name: 'Average caseload',
  unit: 'count',
  direction: 'lower_is_better',
  target: 16,
  amberBand: 16,
  redBand: 20,
  period: 'monthly',
  source: 'test',
});

const r = (periodEnd: string, value: number, kpiKey = 'caseload_average'): TKpiReading => ({ kpiKey, periodEnd, value });

describe('kpiBreachStreak', () => {
  it('reports nothing for a KPI with no readings', () => {
    expect(kpiBreachStreak(caseload, [])).toEqual({
      rag: null, previousRag: null, latestPeriodEnd: null, redPeriodsRunning: 0, notifyOwner: false, escalateToBoard: false,
    });
  });

  it('tells the owner on the first red, the board on the second running', () => {
    const one = kpiBreachStreak(caseload, [r('2026-01-31', 18), r('2026-02-28', 21)]);
    expect(one).toMatchObject({ rag: 'red', previousRag: 'amber', redPeriodsRunning: 1, notifyOwner: true, escalateToBoard: false });
    const two = kpiBreachStreak(caseload, [r('2026-01-31', 18), r('2026-02-28', 21), r('2026-03-31', 22)]);
    expect(two).toMatchObject({ rag: 'red', previousRag: 'red', latestPeriodEnd: '2026-03-31', redPeriodsRunning: 2, notifyOwner: false, escalateToBoard: true });
  });

  it('resets the streak when a period is not red', () => {
    const s = kpiBreachStreak(caseload, [r('2026-01-31', 21), r('2026-02-28', 20), r('2026-03-31', 21)]);
    expect(s).toMatchObject({ rag: 'red', redPeriodsRunning: 1, escalateToBoard: false });
  });

  it('notifies the owner when a KPI first shows amber, not while it stays amber or is green', () => {
    expect(kpiBreachStreak(caseload, [r('2026-01-31', 17)]).notifyOwner).toBe(true);
    expect(kpiBreachStreak(caseload, [r('2026-01-31', 17), r('2026-02-28', 18)]).notifyOwner).toBe(false);
    expect(kpiBreachStreak(caseload, [r('2026-01-31', 21), r('2026-02-28', 15)])).toMatchObject({ rag: 'green', notifyOwner: false, redPeriodsRunning: 0 });
  });

  it('orders by period, not by arrival, and lets a later correction replace a period', () => {
    const s = kpiBreachStreak(caseload, [r('2026-02-28', 21), r('2026-01-31', 21), r('2026-02-28', 19)]);
    expect(s).toMatchObject({ rag: 'amber', previousRag: 'red', redPeriodsRunning: 0, escalateToBoard: false });
  });

  it('ignores other KPIs’ readings and does not let a gap hide a breach', () => {
    const s = kpiBreachStreak(caseload, [r('2026-01-31', 21), r('2026-02-28', 99, 'rhi_offered'), r('2026-03-31', 21)]);
    expect(s).toMatchObject({ redPeriodsRunning: 2, escalateToBoard: true });
  });

  it('takes a council’s own board trigger', () => {
    const reds = [r('2026-01-31', 21), r('2026-02-28', 21)];
    expect(kpiBreachStreak(caseload, reds, { boardAfterRedPeriods: 3 }).escalateToBoard).toBe(false);
    expect(kpiBreachStreak(caseload, reds.slice(0, 1), { boardAfterRedPeriods: 1 }).escalateToBoard).toBe(true);
    expect(() => kpiBreachStreak(caseload, reds, { boardAfterRedPeriods: 0 })).toThrow(RangeError);
  });
});
