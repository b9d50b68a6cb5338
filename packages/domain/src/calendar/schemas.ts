/**
 * The calendar's zod schemas, for the edges (forms, tRPC inputs, stored state). Kept apart from
 * the arithmetic so that workflows, which use the calendar but never parse with these, do not load
 * zod (see ../workflow.ts); the rules themselves live in the pure modules and are called from here.
 */
import { z } from 'zod';
import { inputDateProblem, isoDateProblem } from './iso-date.js';
import { UK_DIVISIONS } from './bank-holiday-types.js';
import { HOLIDAY_TITLE_REQUIRED, overridesProblems } from './calendar-overrides.js';

/**
 * A date a person enters, as 'YYYY-MM-DD' (e.g. '2026-02-12'): a real calendar date (2026-02-30 and
 * 2025-02-29 are refused with a message naming the month length) from 1 January 2000 to 31 December
 * 2099 (INPUT_DATE_MIN/MAX: see iso-date.ts for why). Every API input and form uses it.
 */
export const ZIsoDate = z.string().check((ctx) => {
  const problem = inputDateProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});

/**
 * A date the system computed and stored (a clock's due date, a ladder step's day): any real calendar
 * date, because a deadline computed from an input near INPUT_DATE_MAX may fall in 2100. Used by the
 * state schemas that parse read-model rows, never for what a person types.
 */
export const ZStoredIsoDate = z.string().check((ctx) => {
  const problem = isoDateProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});

/**
 * The three bank-holiday divisions of the UK, named exactly as in GOV.UK's bank-holidays.json.
 * England and Wales is the one SI 2007/462 refers to; the others exist for completeness.
 */
export const ZUkDivision = z.enum(UK_DIVISIONS);

/** One extra non-working day announced at short notice. */
export const ZHolidayAddition = z.object({
  date: ZIsoDate,
  title: z.string().trim().min(1, HOLIDAY_TITLE_REQUIRED),
});

/** Admin overrides; the rules are `overridesProblems` (calendar-overrides.ts). */
export const ZCalendarOverrides = z
  .object({
    add: z.array(ZHolidayAddition).default([]),
    remove: z.array(ZIsoDate).default([]),
  })
  .superRefine((o, ctx) => {
    for (const p of overridesProblems(o)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  });

/** Options for `WorkingDayCalendar`; everything defaults (England and Wales, no overrides). */
export const ZWorkingDayCalendarOptions = z.object({
  division: ZUkDivision.default('england-and-wales'),
  overrides: ZCalendarOverrides.default({ add: [], remove: [] }),
});

const ZClockBase = z.object({
  value: z.number().int().positive(),
  source: z.string().trim().min(1, 'say where this duration comes from'),
  confirmed: z.boolean(),
});

/** A duration counted in working days (see `WorkingDayCalendar`). */
export const ZWorkingDayClock = ZClockBase.extend({ unit: z.literal('workingDays') });
/** A duration counted in calendar months (end-of-month clamped, see `addMonths`). */
export const ZMonthClock = ZClockBase.extend({ unit: z.literal('months') });
/** Any clock duration. */
export const ZClockEntry = z.discriminatedUnion('unit', [ZWorkingDayClock, ZMonthClock]);

/** A working-day duration with its source. */
export type TWorkingDayClock = z.infer<typeof ZWorkingDayClock>;
/** A month duration with its source. */
export type TMonthClock = z.infer<typeof ZMonthClock>;
/** Any clock duration with its source. */
export type TClockEntry = z.infer<typeof ZClockEntry>;

/**
 * Every configurable clock. Units are fixed per key (the type system stops a working-day clock
 * being configured in months by mistake).
 */
export const ZClockConfig = z.object({
  /** The inspection framework these values were taken from, e.g. 'ILACS (revised Dec 2024)'. */
  frameworkVersion: z.string().trim().min(1),
  /** Publish the inspection report, from receipt. */
  publishReport: ZWorkingDayClock,
  /** Submit the written statement of action (action plan), from receipt of the report. */
  actionPlan: ZWorkingDayClock,
  /** Draft plan after a focused visit that found areas for priority action. */
  priorityActionDraft: ZWorkingDayClock,
  /** Gap between monitoring visits of an inadequate authority. */
  monitoringVisitIntervalMonths: ZMonthClock,
  /** Evidence pack ready this many working days BEFORE a monitoring visit. */
  mvEvidencePackWD: ZWorkingDayClock,
  /** New actions raised within this many working days after a monitoring-visit letter. */
  mvNewActionsWD: ZWorkingDayClock,
  /** DfE commissioner's report, from appointment. */
  commissionerReportMonths: ZMonthClock,
  /** Review cycle of an improvement notice / post-intervention supervision. */
  interventionReviewMonths: ZMonthClock,
  /** An action with no update for this long is flagged "stale". */
  staleAfterWD: ZWorkingDayClock,
});

/** The full clock configuration. */
export type TClockConfig = z.infer<typeof ZClockConfig>;

