/**
 * Admin overrides to the bundled bank-holiday data.
 *
 * Why: one-off bank holidays (a state funeral, a coronation) have been announced with as little as
 * ten days' notice, far faster than a code release. An admin records the change here; it takes
 * effect for new calculations and is counted in the calendar's version string so audit records
 * show it was in force.
 */
import { isoDateParts, isoDateProblem } from './iso-date.js';
import { goodFriday } from './bank-holiday-rules.js';

/** A holiday added by an admin: one extra non-working day announced at short notice. */
export interface THolidayAddition {
  date: string;
  title: string;
}

/** Validated overrides (both lists present). */
export interface TCalendarOverrides {
  add: THolidayAddition[];
  remove: string[];
}

/** Overrides as accepted from callers (either list may be omitted). */
export interface TCalendarOverridesInput {
  add?: THolidayAddition[] | undefined;
  remove?: string[] | undefined;
}

/** One reason a set of overrides is refused, with the path of the offending entry. */
export interface OverridesProblem {
  path: (string | number)[];
  message: string;
}

export const HOLIDAY_TITLE_REQUIRED = 'give the holiday a title, e.g. "Bank holiday for …"';

/**
 * Admin overrides: `add` declares extra holidays, `remove` cancels bundled ones (e.g. a bank
 * holiday moved by proclamation: remove the old date, add the new one).
 *
 * Christmas Day and Good Friday cannot be removed: SI 2007/462 names them directly, so they are
 * non-working days whatever the bank-holiday list says. A date may not be both added and removed,
 * and may not be added twice, because either would make the intent ambiguous. The zod schema
 * (ZCalendarOverrides in ./schemas.ts) and the calendar's constructor both apply these rules.
 * Expects real dates (the schema and {@link checkedOverrides} check those first).
 */
export function overridesProblems(o: TCalendarOverrides): OverridesProblem[] {
  const problems: OverridesProblem[] = [];
  const added = new Set<string>();
  o.add.forEach((h, i) => {
    if (added.has(h.date)) problems.push({ path: ['add', i, 'date'], message: `${h.date} is added more than once` });
    added.add(h.date);
  });
  o.remove.forEach((d, i) => {
    const path = ['remove', i];
    if (added.has(d)) problems.push({ path, message: `${d} is both added and removed` });
    const { year, month, day } = isoDateParts(d);
    if (month === 12 && day === 25) {
      problems.push({ path, message: `${d} is Christmas Day, a non-working day under SI 2007/462; it cannot be removed` });
    } else if (d === goodFriday(year)) {
      problems.push({ path, message: `${d} is Good Friday, a non-working day under SI 2007/462; it cannot be removed` });
    }
  });
  return problems;
}

/**
 * Overrides with both lists present and titles trimmed, as ZCalendarOverrides parses them, without
 * zod (the calendar is built inside workflows).
 * @throws RangeError naming the first bad entry, e.g. "remove.0: 2026-12-25 is Christmas Day, …".
 */
export function checkedOverrides(input: TCalendarOverridesInput = {}): TCalendarOverrides {
  const fail = (path: (string | number)[], message: string): never => {
    throw new RangeError(`${path.join('.')}: ${message}`);
  };
  const add = (input.add ?? []).map((h, i) => {
    const bad = isoDateProblem(String(h.date));
    if (bad) fail(['add', i, 'date'], bad);
    const title = String(h.title ?? '').trim();
    if (!title) fail(['add', i, 'title'], HOLIDAY_TITLE_REQUIRED);
    return { date: h.date, title };
  });
  const remove = (input.remove ?? []).map((d, i) => {
    const bad = isoDateProblem(String(d));
    return bad ? fail(['remove', i], bad) : d;
  });
  const o = { add, remove };
  const first = overridesProblems(o)[0];
  if (first) fail(first.path, first.message);
  return o;
}

/** 32-bit FNV-1a: tiny, dependency-free and deterministic; only used to fingerprint overrides. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * A short fingerprint of the overrides' content, independent of list order, so two calendars
 * with the same number of overrides but different ones get different version strings.
 */
export function overridesFingerprint(o: TCalendarOverrides): string {
  const canonical = JSON.stringify({
    add: [...o.add].map((h) => [h.date, h.title]).sort(),
    remove: [...o.remove].sort(),
  });
  return fnv1a(canonical);
}
