/**
 * The what-if inputs (the API's `whatIf.*` procedures and the console's forms). Asking changes
 * nothing, so these carry no request id or reason.
 */
import { z } from 'zod';
import { ZIsoDate } from '../calendar/schemas.js';

/** How far past the (later) due date a what-if looks, in working days (BRIEF (b)'s ladder ends at +20). */
export const WHAT_IF_HORIZON_DEFAULT_WD = 60;

const horizonWorkingDays = z.number().int().min(5, 'Look at least 5 working days ahead').max(260, 'At most 260 working days (about a year)').optional();

/** An action: "what if it is not done" (`none`), or "what if its due date moves to …" (`extension`, approved now). */
export const ZActionWhatIfInput = z.strictObject({
  actionId: z.string().trim().min(1, 'Missing action id').max(300),
  change: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({ kind: z.literal('extension'), newDueOn: ZIsoDate }),
  ]),
  horizonWorkingDays,
});
export type TActionWhatIfInput = z.infer<typeof ZActionWhatIfInput>;

/**
 * The programme clocks a person satisfies with a command (report published, plan submitted, a plan
 * milestone done), so a slip is something they can choose. The monitoring-visit gap is not here:
 * Ofsted, not the council, books the visit.
 */
export const WHAT_IF_CLOCKS = ['publishReport', 'actionPlan', 'priorityActionPlan', 'draftPlan', 'scrutiny', 'cabinet', 'signOff', 'priorityActionDraft'] as const;
export type TWhatIfClock = (typeof WHAT_IF_CLOCKS)[number];

/**
 * A programme clock: not done at all, done on a date, or done N working days after its due date.
 * Whatever it is, it is compared with the clock done on its due date (or today, once that has passed).
 */
export const ZClockWhatIfInput = z.strictObject({
  programmeId: z.string().trim().min(1, 'Missing programme id').max(300),
  clock: z.enum(WHAT_IF_CLOCKS, { message: `Choose one of ${WHAT_IF_CLOCKS.join(', ')}` }),
  change: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('not_done') }),
    z.strictObject({ kind: z.literal('done_on'), doneOn: ZIsoDate }),
    z.strictObject({ kind: z.literal('slips'), workingDays: z.number().int().min(1, 'At least 1 working day').max(120, 'At most 120 working days') }),
  ]),
  horizonWorkingDays,
});
export type TClockWhatIfInput = z.infer<typeof ZClockWhatIfInput>;
