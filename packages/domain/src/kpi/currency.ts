/**
 * Whether a KPI's latest reading still describes now. A reading is for a period (a month or a
 * quarter); once a whole further period has ended since it, the figure is history, not the current
 * position, and a board must not read it as current (a tile showing 2017-18 figures as today's).
 */
import { addMonths } from '../calendar/iso-date.js';

const PERIOD_MONTHS = { monthly: 1, quarterly: 3 } as const;

export interface KpiCurrency {
  /** The latest reading is older than the KPI's reporting period. */
  outOfDate: boolean;
  /** The period end the next reading was due for, when out of date; else null. */
  readingMissingFor: string | null;
}

/** `latestPeriodEnd` null (no readings yet) is not "out of date": there is nothing to mistake. */
export function kpiCurrency(latestPeriodEnd: string | null, period: keyof typeof PERIOD_MONTHS, today: string): KpiCurrency {
  if (!latestPeriodEnd) return { outOfDate: false, readingMissingFor: null };
  const next = periodEndAfter(latestPeriodEnd, PERIOD_MONTHS[period]);
  return next < today ? { outOfDate: true, readingMissingFor: next } : { outOfDate: false, readingMissingFor: null };
}

/** The period end `months` later; a month-end stays a month-end (28 February → 31 March). */
function periodEndAfter(periodEnd: string, months: number): string {
  const [y, m, d] = periodEnd.split('-').map(Number) as [number, number, number];
  const monthEnd = new Date(Date.UTC(y, m, 0)).getUTCDate() === d;
  if (!monthEnd) return addMonths(periodEnd, months);
  return new Date(Date.UTC(y, m + months, 0)).toISOString().slice(0, 10);
}
