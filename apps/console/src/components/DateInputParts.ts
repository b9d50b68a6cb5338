/**
 * The logic behind the GOV.UK-style date input (day / month / year fields): turning an ISO date
 * into the three parts and back, and saying, in GOV.UK's words, what is wrong with what was typed.
 * Pure, so it is unit-tested without a browser.
 */
export interface TDateParts {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_PARTS: TDateParts = { day: '', month: '', year: '' };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2026-02-12' → { day: '12', month: '2', year: '2026' }; anything else → empty parts. */
export function partsOf(value: unknown): TDateParts {
  const m = typeof value === 'string' ? ISO.exec(value) : null;
  if (!m) return EMPTY_PARTS;
  return { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! };
}

const isBlank = (p: TDateParts) => !p.day.trim() && !p.month.trim() && !p.year.trim();

/**
 * What the form holds for these parts: null when nothing was typed (so the schema's "required"
 * message applies), otherwise 'YYYY-MM-DD' built from what was typed, which the schema rejects
 * when the date is impossible, so an impossible date never reaches the server.
 */
export function fieldValueOf(p: TDateParts): string | null {
  if (isBlank(p)) return null;
  const pad = (s: string, n: number) => s.trim().padStart(n, '0');
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Which parts the problem is about, so those fields are marked in red. */
export type TDatePart = keyof TDateParts;

/**
 * GOV.UK's error messages for a date input, or undefined when the parts make a real date
 * (or nothing was typed: whether the date is required is the form schema's business).
 */
export function dateProblem(p: TDateParts, label: string): { message: string; parts: TDatePart[] } | undefined {
  if (isBlank(p)) return undefined;
  const missing = (['day', 'month', 'year'] as const).filter((k) => !p[k].trim());
  if (missing.length > 0) return { message: `${label} must include a ${missing.join(' and a ')}`, parts: [...missing] };
  const notNumbers = (['day', 'month', 'year'] as const).filter((k) => !/^\d+$/.test(p[k].trim()));
  if (notNumbers.length > 0) return { message: `${label} must be a real date, in numbers`, parts: [...notNumbers] };
  if (p.year.trim().length !== 4) return { message: 'Year must include 4 numbers', parts: ['year'] };
  const [day, month, year] = [Number(p.day), Number(p.month), Number(p.year)];
  if (month < 1 || month > 12) return { message: `${label} must be a real date: there is no month ${month}`, parts: ['month'] };
  const max = daysIn(year, month);
  if (day < 1 || day > max) {
    return { message: `${label} must be a real date: ${MONTHS[month - 1]} ${year} has ${max} days`, parts: ['day'] };
  }
  return undefined;
}
