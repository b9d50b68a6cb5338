/**
 * The working-day calendar behind every statutory clock.
 *
 * Definition (SI 2007/462): a working day is any day other than a Saturday, a Sunday, Christmas
 * Day, Good Friday or a bank holiday in England and Wales. Christmas Day and Good Friday are in
 * GOV.UK's list too, so "not a weekend and not in the holiday list" implements the definition; the
 * overrides schema stops an admin removing either of them.
 *
 * Counting convention (used by councils and Ofsted alike): the day something is received is day 0
 * and is not counted. "Report received Mon 3 Nov 2025, plan due within 70 working days" means the
 * 70th working day after 3 Nov, i.e. Thu 12 Feb 2026.
 *
 * Pure and deterministic (safe inside Temporal workflows): no clock, no I/O. The per-year holiday
 * cache is an internal memo that never changes an answer.
 */
import { compareIsoDates, fromDayNumber, isoDateParts, toDayNumber, type IsoDate } from './iso-date.js';
import { UK_DIVISIONS, type BankHoliday, type UkDivision } from './bank-holiday-types.js';
import { bankHolidayOrigin, bankHolidaysFor } from './bank-holidays.js';
import { BANK_HOLIDAY_SNAPSHOT } from './bank-holidays-data.js';
import { checkedOverrides, overridesFingerprint, type TCalendarOverrides, type TCalendarOverridesInput } from './calendar-overrides.js';

/**
 * Options for {@link WorkingDayCalendar}; everything defaults (England and Wales, no overrides).
 * ZWorkingDayCalendarOptions (./schemas.ts) is the same shape as a zod schema.
 */
export interface TWorkingDayCalendarOptionsInput {
  division?: UkDivision | undefined;
  overrides?: TCalendarOverridesInput | undefined;
}

/** A holiday as the calendar sees it, including where it came from (for audit and the console). */
export interface CalendarHoliday extends BankHoliday {
  origin: 'snapshot' | 'rules' | 'override';
}

/** Day number → weekday (0 = Sunday); 1970-01-01 (day 0) was a Thursday. */
function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

/**
 * Working-day arithmetic for one bank-holiday division plus admin overrides.
 *
 * @example
 * const cal = new WorkingDayCalendar();
 * cal.addWorkingDays('2025-11-03', 70); // '2026-02-12'
 */
export class WorkingDayCalendar {
  /** The bank-holiday division in use. */
  readonly division: UkDivision;
  /** The validated overrides in force (persist these with anything computed from the calendar). */
  readonly overrides: Readonly<TCalendarOverrides>;
  /**
   * Identifies the holiday data, for audit records, e.g.
   * 'gov.uk england-and-wales snapshot 2018-2027 r1 + rules; overrides: 0'. With overrides a
   * content fingerprint is appended, so different override sets never share a version.
   */
  readonly version: string;
  /** Human-readable provenance of the holiday data. */
  readonly source: string;

  private readonly removed: ReadonlySet<number>;
  private readonly addedByYear = new Map<number, Readonly<CalendarHoliday>[]>();
  /** Day number → holiday, for every year loaded so far. Entries are frozen: callers share them. */
  private readonly holidays = new Map<number, Readonly<CalendarHoliday>>();
  private readonly loadedYears = new Set<number>();
  /** Inclusive day-number bounds of the contiguous block of loaded years (empty when lo > hi). */
  private loadedLo = 1;
  private loadedHi = 0;

  /** @throws RangeError naming the bad option (e.g. an override removing Christmas Day). */
  constructor(options: TWorkingDayCalendarOptionsInput = {}) {
    const division = options.division ?? 'england-and-wales';
    if (!UK_DIVISIONS.includes(division)) throw new RangeError(`division: expected one of ${UK_DIVISIONS.join(', ')}, got ${String(division)}`);
    const parsed = { division, overrides: checkedOverrides(options.overrides) };
    this.division = parsed.division;
    this.overrides = parsed.overrides;
    this.removed = new Set(parsed.overrides.remove.map(toDayNumber));
    for (const h of parsed.overrides.add) {
      const year = isoDateParts(h.date).year;
      const list = this.addedByYear.get(year) ?? [];
      list.push(Object.freeze({ date: h.date, title: h.title, notes: '', origin: 'override' as const }));
      this.addedByYear.set(year, list);
    }
    const n = parsed.overrides.add.length + parsed.overrides.remove.length;
    const span = `${BANK_HOLIDAY_SNAPSHOT.firstYear}-${BANK_HOLIDAY_SNAPSHOT.lastYear}`;
    this.version =
      `gov.uk ${this.division} snapshot ${span} r${BANK_HOLIDAY_SNAPSHOT.revision} + rules; overrides: ${n}` +
      (n > 0 ? ` (${overridesFingerprint(parsed.overrides)})` : '');
    this.source =
      `${BANK_HOLIDAY_SNAPSHOT.sourceUrl} (${this.division}), bundled snapshot ${span} revision ` +
      `${BANK_HOLIDAY_SNAPSHOT.revision}; regular-pattern rules for other years; ${n} admin override(s)`;
  }

  /** Loads one year's holidays (snapshot or rules, then overrides) into the lookup map. */
  private loadYear(year: number): void {
    if (this.loadedYears.has(year)) return;
    this.loadedYears.add(year);
    const origin = bankHolidayOrigin(year);
    for (const h of bankHolidaysFor(this.division, year)) {
      const n = toDayNumber(h.date);
      if (!this.removed.has(n)) this.holidays.set(n, Object.freeze({ ...h, origin }));
    }
    // Additions win over a bundled entry on the same date: they are the newer information.
    for (const h of this.addedByYear.get(year) ?? []) this.holidays.set(toDayNumber(h.date), h);
  }

  /** Makes sure the year containing day number `n` (and every year between) is loaded. */
  private ensureLoaded(n: number): void {
    if (n >= this.loadedLo && n <= this.loadedHi) return;
    const y = Number(fromDayNumber(n).slice(0, 4));
    const firstOf = (yr: number): number => Date.UTC(yr, 0, 1) / 86_400_000;
    if (this.loadedLo > this.loadedHi) {
      this.loadYear(y);
      this.loadedLo = firstOf(y);
      this.loadedHi = firstOf(y + 1) - 1;
      return;
    }
    // Extend the contiguous block one year at a time so the bounds stay a simple range check.
    while (n < this.loadedLo) {
      const prev = Number(fromDayNumber(this.loadedLo - 1).slice(0, 4));
      this.loadYear(prev);
      this.loadedLo = firstOf(prev);
    }
    while (n > this.loadedHi) {
      const next = Number(fromDayNumber(this.loadedHi + 1).slice(0, 4));
      this.loadYear(next);
      this.loadedHi = firstOf(next + 1) - 1;
    }
  }

  private isWorkingDayNumber(n: number): boolean {
    const dow = weekdayOfDayNumber(n);
    if (dow === 0 || dow === 6) return false;
    this.ensureLoaded(n);
    return !this.holidays.has(n);
  }

  /** The holiday observed on `d`, if any (weekends are not holidays unless an admin added one). */
  holidayOn(d: IsoDate): Readonly<CalendarHoliday> | undefined {
    const n = toDayNumber(d);
    this.ensureLoaded(n);
    return this.holidays.get(n);
  }

  /** True unless `d` is a Saturday, Sunday or holiday. @throws RangeError for an invalid date. */
  isWorkingDay(d: IsoDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(d));
  }

  /**
   * The `n`-th working day after `d` (or before it, for negative `n`). `d` itself is never
   * counted, whether or not it is a working day: received Mon 3 Nov 2025 + 20 = Mon 1 Dec 2025,
   * + 30 = Mon 15 Dec 2025, + 70 = Thu 12 Feb 2026. `n = 0` returns `d` unchanged.
   * Inverse: `workingDaysBetween(d, addWorkingDays(d, n)) === n` for every `n`.
   * @throws RangeError for an invalid date or a non-integer `n`.
   */
  addWorkingDays(d: IsoDate, n: number): IsoDate {
    assertInteger(n, 'working days');
    let day = toDayNumber(d);
    if (n === 0) return d;
    const step = n > 0 ? 1 : -1;
    let remaining = Math.abs(n);
    while (remaining > 0) {
      day += step;
      if (this.isWorkingDayNumber(day)) remaining--;
    }
    return fromDayNumber(day);
  }

  /**
   * Working days from `a` to `b`: if `b` is later, the number of working days after `a` up to and
   * including `b`; if `b` is earlier, minus the number of working days from `b` up to but
   * excluding `a` (the mirror image, which makes this the exact inverse of `addWorkingDays`).
   * 0 when `a === b`. "Due in 3 working days" = `workingDaysBetween(today, dueOn) === 3`.
   * @throws RangeError for an invalid date.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    const from = toDayNumber(a);
    const to = toDayNumber(b);
    let count = 0;
    if (to > from) {
      for (let day = from + 1; day <= to; day++) if (this.isWorkingDayNumber(day)) count++;
      return count;
    }
    for (let day = to; day < from; day++) if (this.isWorkingDayNumber(day)) count--;
    return count; // counting down (not `-count`) avoids returning -0 for an empty range
  }

  /** The first working day strictly after `d`. */
  nextWorkingDay(d: IsoDate): IsoDate {
    return this.addWorkingDays(d, 1);
  }

  /** The last working day strictly before `d`. */
  previousWorkingDay(d: IsoDate): IsoDate {
    return this.addWorkingDays(d, -1);
  }

  /** `d` if it is a working day, else the next one; for rolling a calendar-date deadline forward. */
  workingDayOnOrAfter(d: IsoDate): IsoDate {
    return this.isWorkingDay(d) ? d : this.addWorkingDays(d, 1);
  }

  /**
   * Holidays observed from `from` to `to` inclusive, in date order, after overrides.
   * @throws RangeError for an invalid date or if `to` is before `from`.
   */
  holidaysIn(from: IsoDate, to: IsoDate): Readonly<CalendarHoliday>[] {
    const lo = toDayNumber(from);
    const hi = toDayNumber(to);
    if (hi < lo) throw new RangeError(`holidaysIn: ${to} is before ${from}`);
    this.ensureLoaded(lo);
    this.ensureLoaded(hi);
    const out: Readonly<CalendarHoliday>[] = [];
    for (const [n, h] of this.holidays) if (n >= lo && n <= hi) out.push(h);
    return out.sort((x, y) => compareIsoDates(x.date, y.date));
  }
}
