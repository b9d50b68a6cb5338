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

/** A board pack is the programme as at one history event of one of its runs. */
export const ZBoardPackInput = z.strictObject({
  programmeId: z.string().min(1, 'programmeId: which programme').max(200),
  runId: z.string().min(1, 'runId: which run of the programme workflow').max(100),
  eventId: z.number().int().min(1, 'eventId: a history event id (1 or more)'),
});
export type TBoardPackInput = z.infer<typeof ZBoardPackInput>;

export const ZBoardPackEventsInput = z.strictObject({ programmeId: z.string().min(1, 'programmeId: which programme').max(200) });
