/**
 * Admin overrides to the bundled bank-holiday data.
 *
 * Why: one-off bank holidays (a state funeral, a coronation) have been announced with as little as
 * ten days' notice, far faster than a code release. An admin records the change here; it takes
 * effect for new calculations and is counted in the calendar's version string so audit records
 * show it was in force.
 */
import { z } from 'zod';
import { ZIsoDate, isoDateParts } from './iso-date.js';
import { goodFriday } from './bank-holiday-rules.js';

/** One extra non-working day announced at short notice. */
export const ZHolidayAddition = z.object({
  date: ZIsoDate,
  title: z.string().trim().min(1, 'give the holiday a title, e.g. "Bank holiday for …"'),
});

/** A holiday added by an admin. */
export type THolidayAddition = z.infer<typeof ZHolidayAddition>;

/**
 * Admin overrides: `add` declares extra holidays, `remove` cancels bundled ones (e.g. a bank
 * holiday moved by proclamation: remove the old date, add the new one).
 *
 * Christmas Day and Good Friday cannot be removed: SI 2007/462 names them directly, so they are
 * non-working days whatever the bank-holiday list says. A date may not be both added and removed,
 * and may not be added twice, because either would make the intent ambiguous.
 */
export const ZCalendarOverrides = z
  .object({
    add: z.array(ZHolidayAddition).default([]),
    remove: z.array(ZIsoDate).default([]),
  })
  .superRefine((o, ctx) => {
    const added = new Set<string>();
    o.add.forEach((h, i) => {
      if (added.has(h.date)) {
        ctx.addIssue({ code: 'custom', path: ['add', i, 'date'], message: `${h.date} is added more than once` });
      }
      added.add(h.date);
    });
    o.remove.forEach((d, i) => {
      const path = ['remove', i];
      if (added.has(d)) {
        ctx.addIssue({ code: 'custom', path, message: `${d} is both added and removed` });
      }
      const { year, month, day } = isoDateParts(d);
      if (month === 12 && day === 25) {
        ctx.addIssue({ code: 'custom', path, message: `${d} is Christmas Day, a non-working day under SI 2007/462; it cannot be removed` });
      } else if (d === goodFriday(year)) {
        ctx.addIssue({ code: 'custom', path, message: `${d} is Good Friday, a non-working day under SI 2007/462; it cannot be removed` });
      }
    });
  });

/** Validated overrides (both lists present). */
export type TCalendarOverrides = z.infer<typeof ZCalendarOverrides>;
/** Overrides as accepted from callers (either list may be omitted). */
export type TCalendarOverridesInput = z.input<typeof ZCalendarOverrides>;

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
