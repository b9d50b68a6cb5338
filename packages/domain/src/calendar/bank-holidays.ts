/**
 * One place that answers "what were/are the bank holidays of this division in this year?":
 * the bundled GOV.UK snapshot where it has the year, the regular-pattern rules otherwise.
 */
import { parseIsoDate } from './iso-date.js';
import { ruleBasedBankHolidays } from './bank-holiday-rules.js';
import type { BankHoliday, BankHolidayRecord, UkDivision } from './bank-holiday-types.js';
import { BANK_HOLIDAY_SNAPSHOT, ENGLAND_AND_WALES_BANK_HOLIDAYS } from './bank-holidays-data.js';
import { SCOTLAND_BANK_HOLIDAYS } from './bank-holidays-data-scotland.js';
import { NORTHERN_IRELAND_BANK_HOLIDAYS } from './bank-holidays-data-northern-ireland.js';

/** Where a year's holidays came from: the bundled GOV.UK table or the fallback rules. */
export type BankHolidayOrigin = 'snapshot' | 'rules';

const RAW_TABLES: Record<UkDivision, readonly BankHolidayRecord[]> = {
  'england-and-wales': ENGLAND_AND_WALES_BANK_HOLIDAYS,
  scotland: SCOTLAND_BANK_HOLIDAYS,
  'northern-ireland': NORTHERN_IRELAND_BANK_HOLIDAYS,
};

/**
 * The tables grouped by year, built on first use per division: every Temporal workflow evaluates this
 * module afresh, and nearly all of them only ever need England and Wales. `parseIsoDate` makes a typo
 * in the hand-maintained data fail loudly (the tests read every division) rather than silently shift
 * a deadline.
 */
const tablesByYear: Partial<Record<UkDivision, ReadonlyMap<number, readonly BankHoliday[]>>> = {};

function tableByYear(division: UkDivision): ReadonlyMap<number, readonly BankHoliday[]> {
  return (tablesByYear[division] ??= groupByYear(RAW_TABLES[division]));
}

function groupByYear(records: readonly BankHolidayRecord[]): ReadonlyMap<number, readonly BankHoliday[]> {
  const byYear = new Map<number, BankHoliday[]>();
  for (const r of records) {
    const date = parseIsoDate(r.date);
    const year = Number(date.slice(0, 4));
    const list = byYear.get(year) ?? [];
    list.push(Object.freeze({ date, title: r.title, notes: r.notes }));
    byYear.set(year, list);
  }
  return byYear;
}

/** True if `year` is inside the bundled snapshot's coverage. */
export function isSnapshotYear(year: number): boolean {
  return year >= BANK_HOLIDAY_SNAPSHOT.firstYear && year <= BANK_HOLIDAY_SNAPSHOT.lastYear;
}

/** Whether {@link bankHolidaysFor} answers `year` from the snapshot or from the rules. */
export function bankHolidayOrigin(year: number): BankHolidayOrigin {
  return isSnapshotYear(year) ? 'snapshot' : 'rules';
}

/**
 * The bank holidays of `division` in `year`, sorted by date, without admin overrides: the
 * bundled GOV.UK snapshot for 2018–2027, the regular-pattern rules for any other year (which
 * cannot know one-off days; see bank-holiday-rules.ts).
 * @throws RangeError if `year` is not an integer in 1000–9999.
 */
export function bankHolidaysFor(division: UkDivision, year: number): readonly BankHoliday[] {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`year must be an integer between 1000 and 9999, got ${year}`);
  }
  if (isSnapshotYear(year)) return tableByYear(division).get(year) ?? [];
  return ruleBasedBankHolidays(division, year);
}

/** The bundled table of `division` exactly as written (for tests and the admin console). */
export function bundledBankHolidays(division: UkDivision): readonly BankHolidayRecord[] {
  return RAW_TABLES[division];
}
