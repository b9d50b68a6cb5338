/**
 * Calendar dates as ISO 'YYYY-MM-DD' strings.
 *
 * Why strings and not `Date`: a statutory deadline is a *calendar day*, not an instant. A JS `Date`
 * carries a time and a zone, so "3 Nov" can silently become "2 Nov" when it crosses a server's
 * local zone. Strings survive JSON, Temporal payloads and Postgres `date` columns unchanged, and
 * they sort lexicographically in date order.
 *
 * All arithmetic goes through a "day number" (whole days since 1970-01-01) built with `Date.UTC`,
 * so no local time zone is ever consulted. Nothing here reads the clock: workflows must stay
 * deterministic.
 */
const MS_PER_DAY = 86_400_000;
const ISO_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Years we accept. The lower bound exists because `Date.UTC` maps years 0–99 to 1900–1999,
 * which would corrupt arithmetic; nothing in this product predates 1000 anyway.
 */
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

/** Day of week, JS convention: 0 = Sunday … 6 = Saturday. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** The numeric parts of a calendar date; `month` is 1–12 (not JS's 0–11). */
export interface IsoDateParts {
  year: number;
  month: number;
  day: number;
}

/** Number of days in `month` (1–12) of `year`, Gregorian leap rules. */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/**
 * Why `s` is not a valid ISO calendar date, or `undefined` if it is. Shared by the zod schema
 * (ZIsoDate in ./schemas.ts) and the throwing parser so both give the same, human-readable message.
 */
export function isoDateProblem(s: string): string | undefined {
  const m = ISO_DATE_SHAPE.exec(s);
  if (!m) return `"${s}" is not a date in YYYY-MM-DD form`;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) return `"${s}": year must be between ${MIN_YEAR} and ${MAX_YEAR}`;
  if (month < 1 || month > 12) return `"${s}": month must be 01–12`;
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) {
    return `"${s}" does not exist: ${MONTH_NAMES[month - 1]} ${year} has ${max} days`;
  }
  return undefined;
}

/**
 * A 'YYYY-MM-DD' calendar date. Deliberately a plain `string` (not a branded type): dates arrive
 * from JSON, Prisma and other packages as strings, and a brand would force casts everywhere.
 * Instead every exported function here validates its date arguments and throws a `RangeError`
 * naming the bad value, and `ZIsoDate` (./schemas.ts) validates at the edges (forms, tRPC, payloads).
 */
export type IsoDate = string;

/**
 * The dates a person may type anywhere in the product: 1 January 2000 to 31 December 2099. Wide
 * enough for every inspection, plan and action a council will record (seeds go back to 2017), narrow
 * enough that every clock and ladder computed from such a date (months or a few hundred working
 * days either side) stays inside the years the arithmetic supports. A date outside it is refused at
 * the API (BAD_REQUEST naming the field) and by the workflows' own payload checks, so no workflow is
 * ever started with a date it cannot schedule.
 */
export const INPUT_DATE_MIN = '2000-01-01';
export const INPUT_DATE_MAX = '2099-12-31';

/** Why `s` is not a date a person may enter (see INPUT_DATE_MIN/MAX), or `undefined` if it is. */
export function inputDateProblem(s: string): string | undefined {
  const problem = isoDateProblem(s);
  if (problem) return problem;
  if (s < INPUT_DATE_MIN || s > INPUT_DATE_MAX) return `"${s}": give a date from 1 January 2000 to 31 December 2099`;
  return undefined;
}

/** True if `s` is a real 'YYYY-MM-DD' calendar date. */
export function isIsoDate(s: string): boolean {
  return isoDateProblem(s) === undefined;
}

/**
 * Validates `s` and returns it unchanged.
 * @throws RangeError with a readable message if `s` is malformed or not a real date.
 */
export function parseIsoDate(s: string): IsoDate {
  const problem = isoDateProblem(s);
  if (problem) throw new RangeError(problem);
  return s;
}

/** Splits an {@link IsoDate} into numeric year, month (1–12) and day. */
export function isoDateParts(d: IsoDate): IsoDateParts {
  parseIsoDate(d);
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

/**
 * Formats parts as an {@link IsoDate}.
 * @throws RangeError if the parts do not form a real date (no silent roll-over: 31 June is an error).
 */
export function formatIsoDate(parts: IsoDateParts): IsoDate {
  const s = `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
  return parseIsoDate(s);
}

/** Whole days since 1970-01-01 (negative before). The basis of all date arithmetic here. */
export function toDayNumber(d: IsoDate): number {
  const { year, month, day } = isoDateParts(d);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/**
 * Inverse of {@link toDayNumber}.
 * @throws RangeError if `n` is not an integer or falls outside the supported years.
 */
export function fromDayNumber(n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`day number must be an integer, got ${n}`);
  const dt = new Date(n * MS_PER_DAY);
  return formatIsoDate({ year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() });
}

/** `d` plus `n` calendar days (`n` may be negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/**
 * `d` plus `n` calendar months, clamped to the end of the target month
 * (31 Jan + 1 month = 28/29 Feb), which is how "within 3 months" is read in practice.
 */
export function addMonths(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`months must be an integer, got ${n}`);
  const { year, month, day } = isoDateParts(d);
  const zeroBased = year * 12 + (month - 1) + n;
  const y = Math.floor(zeroBased / 12);
  const m = (zeroBased % 12 + 12) % 12 + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** Calendar days from `a` to `b` (positive if `b` is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Day of week of `d`: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: IsoDate): DayOfWeek {
  // 1970-01-01 was a Thursday (4); the double modulo keeps pre-1970 dates non-negative.
  return ((((toDayNumber(d) + 4) % 7) + 7) % 7) as DayOfWeek;
}

/** True for Saturday and Sunday. */
export function isWeekend(d: IsoDate): boolean {
  const dow = dayOfWeek(d);
  return dow === 0 || dow === 6;
}

/** Orders two dates: -1 if `a` is earlier, 1 if later, 0 if equal. Usable as an `Array.sort` comparator. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  // Fixed-width ISO strings sort lexicographically in date order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The calendar date (in UTC) of a JS `Date`; e.g. for Prisma `@db.Date` columns, which arrive as UTC midnight. */
export function isoDateFromUtcDate(date: Date): IsoDate {
  return formatIsoDate({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

/** A JS `Date` at 00:00 UTC on `d`; the inverse of {@link isoDateFromUtcDate}. */
export function isoDateToUtcDate(d: IsoDate): Date {
  return new Date(toDayNumber(d) * MS_PER_DAY);
}
