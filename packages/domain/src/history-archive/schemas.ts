import { z } from 'zod';
import { ZCommandMeta } from '../schemas/common.js';

/** Admin: archive closed workflows' histories into PostgreSQL now (the hourly Schedule does it too). */
export const ZRunHistoryArchiveInput = ZCommandMeta;
export type TRunHistoryArchiveInput = z.infer<typeof ZRunHistoryArchiveInput>;

/** What the archive lists: newest closed first, optionally one workflow id or type. */
export const ZListHistoryArchiveInput = z.strictObject({
  workflowId: z.string().min(1).max(200).optional(),
  workflowType: z.string().min(1).max(100).optional(),
  page: z.number().int().min(1).default(1),
  perPage: z.number().int().min(1).max(200).default(50),
});

/** Start (or, with the same request id, follow) one "verify all histories" run. */
export const ZRunHistoryVerificationInput = ZCommandMeta.pick({ clientRequestId: true });

export const ZHistoryVerificationIdInput = z.strictObject({ id: z.string().min(1, 'id: which verification run').max(100) });

/** One mismatch found by "verify all histories". */
export const ZHistoryMismatch = z.object({
  workflowId: z.string(),
  runId: z.string(),
  workflowType: z.string(),
  source: z.enum(['archive', 'temporal']),
  error: z.string(),
});
export type THistoryMismatch = z.infer<typeof ZHistoryMismatch>;

/**
 * A board pack is the programme, with every workflow of it (actions, visits, intervention,
 * information requests) and its registers, as at one instant: `at` (epoch ms, an ISO date-time, or a
 * date meaning the end of that day in London); omitted, now (the reply says which instant, so the
 * same pack can be made again byte for byte). `basis` says which question it answers: what had
 * been recorded by then (default) or what had happened by then, by the dates the records carry.
 * Still accepted: as at one history event of the programme (runId + eventId), on the recorded basis.
 */
export const ZBoardPackInput = z
  .strictObject({
    programmeId: z.string().min(1, 'programmeId: which programme').max(200),
    at: z.union([
      z.number().int().min(0, 'at: an instant (epoch ms)').max(4_102_444_800_000, 'at: before 2100'),
      z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'at: a date YYYY-MM-DD or an ISO date-time'),
      z.iso.datetime({ offset: true }),
    ]).optional(),
    basis: z.enum(['recorded', 'happened']).default('recorded'),
    runId: z.string().min(1, 'runId: which run of the programme workflow').max(100).optional(),
    eventId: z.number().int().min(1, 'eventId: a history event id (1 or more)').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.eventId !== undefined && v.at !== undefined) ctx.addIssue({ code: 'custom', path: ['at'], message: 'give an instant (at) or a history event (eventId), not both' });
    if (v.runId !== undefined && v.eventId === undefined) ctx.addIssue({ code: 'custom', path: ['eventId'], message: 'which history event of that run' });
    if (v.eventId !== undefined && v.basis === 'happened') ctx.addIssue({ code: 'custom', path: ['eventId'], message: 'a history event is a moment of recording: ask "had happened by" at an instant (at)' });
  });
export type TBoardPackInput = z.infer<typeof ZBoardPackInput>;

export const ZBoardPackEventsInput = z.strictObject({ programmeId: z.string().min(1, 'programmeId: which programme').max(200) });
