/**
 * The durations of the programme's clocks, as configuration with provenance.
 *
 * Why configuration and not constants in code: several durations rest on practice or press reports
 * rather than legislation, and the inspection framework (ILACS) was revised twice in 2024. Each
 * entry therefore carries its source and whether it is confirmed; audit records store the
 * `frameworkVersion` alongside deadlines computed from it.
 *
 * `confirmed: true` means the value was checked against a primary source (legislation). `false`
 * means it rests on secondary reporting, observed practice or a proposed local policy, and should
 * be reviewed before anyone relies on it as a legal deadline.
 */
import { addMonths, type IsoDate } from './iso-date.js';
import type { TClockConfig, TClockEntry } from './schemas.js';

export type { TClockConfig, TClockEntry, TMonthClock, TWorkingDayClock } from './schemas.js';

/** Default clocks, with the sources from the domain brief (section f numbers in brackets). */
export const DEFAULT_CLOCKS: Readonly<TClockConfig> = deepFreeze({
  frameworkVersion: 'ILACS (revised Dec 2024)',
  publishReport: {
    value: 30, unit: 'workingDays', confirmed: true,
    source: 'SI 2007/462 (regulations under s137 Education and Inspections Act 2006): publish within 30 working days of receipt [S14, S15]',
  },
  actionPlan: {
    value: 70, unit: 'workingDays', confirmed: false,
    source: 'Ofsted spokesperson and council practice (e.g. Kirklees cabinet citing the 2007 Regulations) [S16, S17]; the regulation clause itself is unconfirmed',
  },
  priorityActionDraft: {
    value: 20, unit: 'workingDays', confirmed: false,
    source: 'Ofsted focused visits with "areas for priority action", as reported by CYP Now [S16]; not checked against the ILACS handbook',
  },
  monitoringVisitIntervalMonths: {
    value: 3, unit: 'months', confirmed: false,
    source: 'Quarterly monitoring visits: Ofsted 2016 monitoring handbook [S7, S9]; ILACS "up to 6 quarterly visits" as reported [S10]',
  },
  mvEvidencePackWD: {
    value: 10, unit: 'workingDays', confirmed: false,
    source: 'Proposed escalation ladder (domain brief section b): evidence pack 10 WD before the visit; local policy, not mandated',
  },
  mvNewActionsWD: {
    value: 10, unit: 'workingDays', confirmed: false,
    source: 'Proposed escalation ladder (domain brief section b): new actions within 10 WD of the letter; local policy, not mandated',
  },
  commissionerReportMonths: {
    value: 3, unit: 'months', confirmed: false,
    source: 'Observed practice: commissioners reported in about 3 months (Reading, Buckinghamshire, Worcestershire) [S26-S28]',
  },
  interventionReviewMonths: {
    value: 6, unit: 'months', confirmed: false,
    source: 'DfE improvement notices reviewed six-monthly [S23, S24]; exit supervision reviews at 6 and 12 months [S32]',
  },
  staleAfterWD: {
    value: 20, unit: 'workingDays', confirmed: false,
    source: 'Proposed escalation ladder (domain brief section b): no update in 20 WD = stale; local policy, not mandated',
  },
});

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v as object);
  return Object.freeze(o);
}

/** The only calendar capability a clock needs; satisfied by `WorkingDayCalendar`. */
export interface WorkingDayAdder {
  addWorkingDays(d: IsoDate, n: number): IsoDate;
}

/**
 * The date a clock lands on, counted from `anchor`: forwards for deadlines ("within 70 WD of
 * receipt"), backwards with `direction: 'before'` for lead times ("evidence pack 10 WD before the
 * visit"). Working-day clocks follow `WorkingDayCalendar.addWorkingDays` (the anchor is day 0);
 * month clocks add calendar months, clamped to month end.
 */
export function clockDate(
  clock: TClockEntry,
  anchor: IsoDate,
  calendar: WorkingDayAdder,
  direction: 'after' | 'before' = 'after',
): IsoDate {
  const n = direction === 'after' ? clock.value : -clock.value;
  return clock.unit === 'workingDays' ? calendar.addWorkingDays(anchor, n) : addMonths(anchor, n);
}
