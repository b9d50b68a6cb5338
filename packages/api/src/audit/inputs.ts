/** zod inputs of the audit procedures; every error names its field. */
import { z } from 'zod';
import { endOfLondonDayUtcMs, londonMidnightUtcMs } from '@ip/domain';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** An instant: epoch ms, an ISO date-time, or a date ('YYYY-MM-DD', a day in Europe/London). */
export const ZInstant = z.union([z.number().int().min(0), z.string().regex(ISO_DATE, 'expected YYYY-MM-DD'), z.iso.datetime({ offset: true })]);
export type TInstant = z.infer<typeof ZInstant>;

/**
 * Epoch ms of an instant; a bare date means its start (`end` false) or its last millisecond (`end`
 * true: "by 31 March" must not take in what is dated 1 April, which counts from that midnight).
 */
export function instantMs(v: TInstant, end = false): number {
  if (typeof v === 'number') return v;
  if (ISO_DATE.test(v)) return end ? endOfLondonDayUtcMs(v) - 1 : londonMidnightUtcMs(v);
  return Date.parse(v);
}

export const KINDS = ['programme', 'action', 'monitoring_visit', 'intervention', 'information_request', 'kpi_return', 'other'] as const;
export const CATEGORIES = ['person', 'timer', 'escalation', 'child', 'system'] as const;
const ZId = z.string().min(1).max(200);

export const ZHistoryFilter = z.strictObject({
  kind: z.enum(KINDS).optional(),
  category: z.enum(CATEGORIES).optional(),
  /** A user id, or part of a name (case-insensitive); 'system' for timers and escalations. */
  actor: z.string().min(1).max(200).optional(),
  from: ZInstant.optional(),
  to: ZInstant.optional(),
  workflowId: ZId.optional(),
  /** Workflow tasks, timers set, read-model writes: hidden unless asked for. */
  includeSystem: z.boolean().default(false),
});
export type THistoryFilter = z.infer<typeof ZHistoryFilter>;

export const ZHistoryInput = z.strictObject({
  programmeId: ZId,
  filter: ZHistoryFilter.default({ includeSystem: false }),
  pagination: z.strictObject({ page: z.number().int().min(1), perPage: z.number().int().min(1).max(500) }).default({ page: 1, perPage: 50 }),
  order: z.enum(['ASC', 'DESC']).default('ASC'),
});

export const ZExportCsvInput = z.strictObject({ programmeId: ZId, filter: ZHistoryFilter.default({ includeSystem: false }) });
export const ZExportJsonInput = z.strictObject({ workflowId: ZId });

/**
 * Which question an "as at" answers: what the system had *recorded* by then (workflow time, the
 * default), or what had *happened* by then, by the dates the records themselves carry (./happened.ts).
 */
export const ZAsAtBasis = z.enum(['recorded', 'happened']);
export type TAsAtBasis = z.infer<typeof ZAsAtBasis>;

export const ZAsAtInput = z
  .strictObject({
    kind: z.enum(['programme', 'action']),
    basis: ZAsAtBasis.default('recorded'),
    workflowId: ZId,
    at: ZInstant.optional(),
    eventId: z.number().int().min(1).optional(),
    runId: z.string().min(1).max(100).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.at === undefined) === (v.eventId === undefined)) ctx.addIssue({ code: 'custom', path: ['at'], message: 'give either an instant (at) or an event id (eventId)' });
    // A history event is a moment of recording: "had happened by" is asked at an instant.
    if (v.basis === 'happened' && v.eventId !== undefined) ctx.addIssue({ code: 'custom', path: ['eventId'], message: 'the "happened" view is asked at an instant (at), not at a history event' });
  });

/** instantMs, or null for a date that does not exist (30 February): a field error, not a crash in the refinement. */
const safeMs = (v: TInstant, end = false): number | null => {
  try {
    return instantMs(v, end);
  } catch {
    return null;
  }
};

export const ZDiffInput = z
  .strictObject({ kind: z.enum(['programme', 'action']), basis: ZAsAtBasis.default('recorded'), workflowId: ZId, from: ZInstant, to: ZInstant })
  .superRefine((v, ctx) => {
    const [from, to] = [safeMs(v.from), safeMs(v.to, true)];
    if (from === null) ctx.addIssue({ code: 'custom', path: ['from'], message: 'not a real date' });
    else if (to === null) ctx.addIssue({ code: 'custom', path: ['to'], message: 'not a real date' });
    else if (from > to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  });
