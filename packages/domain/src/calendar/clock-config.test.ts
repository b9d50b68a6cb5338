import { describe, it, expect } from 'vitest';
import { DEFAULT_CLOCKS, clockDate } from './clock-config.js';
import { ZClockConfig } from './schemas.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

const cal = new WorkingDayCalendar();

describe('DEFAULT_CLOCKS', () => {
  it('is a valid ZClockConfig with the agreed values and units', () => {
    const c = ZClockConfig.parse(DEFAULT_CLOCKS);
    expect(c.frameworkVersion).toBe('ILACS (revised Dec 2024)');
    const summary = Object.fromEntries(
      Object.entries(c).filter(([k]) => k !== 'frameworkVersion').map(([k, v]) => {
        const e = v as { value: number; unit: string };
        return [k, `${e.value} ${e.unit}`];
      }),
    );
    expect(summary).toEqual({
      publishReport: '30 workingDays',
      actionPlan: '70 workingDays',
      priorityActionDraft: '20 workingDays',
      monitoringVisitIntervalMonths: '3 months',
      mvEvidencePackWD: '10 workingDays',
      mvNewActionsWD: '10 workingDays',
      commissionerReportMonths: '3 months',
      interventionReviewMonths: '6 months',
      staleAfterWD: '20 workingDays',
    });
  });

  it('records provenance: only the SI 2007/462 clock is confirmed; the 70 WD clause is flagged', () => {
    expect(DEFAULT_CLOCKS.publishReport).toMatchObject({ confirmed: true, source: expect.stringContaining('SI 2007/462') });
    expect(DEFAULT_CLOCKS.actionPlan).toMatchObject({ confirmed: false, source: expect.stringContaining('unconfirmed') });
    const confirmed = Object.entries(DEFAULT_CLOCKS).filter(([, v]) => typeof v === 'object' && v.confirmed);
    expect(confirmed.map(([k]) => k)).toEqual(['publishReport']);
  });

  it('is frozen so one caller cannot change another’s defaults', () => {
    expect(Object.isFrozen(DEFAULT_CLOCKS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CLOCKS.actionPlan)).toBe(true);
  });

  it('rejects a working-day clock configured in months, or a missing source', () => {
    expect(ZClockConfig.safeParse({ ...DEFAULT_CLOCKS, actionPlan: { ...DEFAULT_CLOCKS.actionPlan, unit: 'months' } }).success).toBe(false);
    expect(ZClockConfig.safeParse({ ...DEFAULT_CLOCKS, publishReport: { ...DEFAULT_CLOCKS.publishReport, source: ' ' } }).success).toBe(false);
    expect(ZClockConfig.safeParse({ ...DEFAULT_CLOCKS, staleAfterWD: { ...DEFAULT_CLOCKS.staleAfterWD, value: 0 } }).success).toBe(false);
  });
});

describe('clockDate', () => {
  it('gives the Northmoor deadlines from receipt on 3 Nov 2025', () => {
    expect(clockDate(DEFAULT_CLOCKS.priorityActionDraft, '2025-11-03', cal)).toBe('2025-12-01');
    expect(clockDate(DEFAULT_CLOCKS.publishReport, '2025-11-03', cal)).toBe('2025-12-15');
    expect(clockDate(DEFAULT_CLOCKS.actionPlan, '2025-11-03', cal)).toBe('2026-02-12');
  });

  it('counts lead times backwards and months by the calendar', () => {
    // Evidence pack 10 WD before a visit on Tue 12 May 2026 (early May bank holiday on the 4th).
    expect(clockDate(DEFAULT_CLOCKS.mvEvidencePackWD, '2026-05-12', cal, 'before')).toBe('2026-04-27');
    expect(clockDate(DEFAULT_CLOCKS.monitoringVisitIntervalMonths, '2026-05-12', cal)).toBe('2026-08-12');
    expect(clockDate(DEFAULT_CLOCKS.commissionerReportMonths, '2025-11-30', cal)).toBe('2026-02-28');
  });
});
