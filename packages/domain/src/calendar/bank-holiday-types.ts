/**
 * Shared shapes for bank-holiday data. Kept apart from the data and the rules so that both can
 * import them without importing each other.
 */
import type { IsoDate } from './iso-date.js';

/**
 * The three bank-holiday divisions of the UK, named exactly as in GOV.UK's bank-holidays.json.
 * England and Wales is the one SI 2007/462 refers to; the others exist for completeness.
 */
export const UK_DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;

/** A GOV.UK bank-holiday division. */
export type UkDivision = (typeof UK_DIVISIONS)[number];

/**
 * One bank holiday as GOV.UK publishes it: the day it is *observed* (so a substitute Monday, not
 * the Saturday it replaces), its title, and notes ('Substitute day' or '').
 */
export interface BankHoliday {
  date: IsoDate;
  title: string;
  notes: string;
}

/** A holiday entry as written in the bundled table, before its date has been validated. */
export interface BankHolidayRecord {
  readonly date: string;
  readonly title: string;
  readonly notes: '' | 'Substitute day';
}

/** The `notes` value GOV.UK uses for a day observed in place of one that fell at a weekend. */
export const SUBSTITUTE_DAY = 'Substitute day';
