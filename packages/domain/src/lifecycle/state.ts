import { z } from 'zod';
import { ZActor, type TActor } from '../schemas/common.js';
import { ZGrade, ZInspection } from '../schemas/inspection.js';

/** Where a programme is in the post-inspection lifecycle (BRIEF (a), LA inspection track). */
export const ZProgrammePhase = z.enum([
  'awaiting_inspection',
  'action_planning',
  'plan_submitted',
  'monitoring',
  'routine',
  'closed',
]);
export type TProgrammePhase = z.infer<typeof ZProgrammePhase>;

export const ZClockStatus = z.enum(['running', 'met', 'breached']);
export type TClockStatus = z.infer<typeof ZClockStatus>;

/** A statutory or local deadline the programme is counting down to. */
export const ZClock = z.object({
  name: z.string(),
  label: z.string(),
  startedOn: z.string(),
  workingDays: z.number().int(),
  dueOn: z.string(),
  /** The instant the deadline passes: the end of `dueOn` in Europe/London, as epoch ms. */
  dueAt: z.number(),
  status: ZClockStatus,
  source: z.string(),
  closedAt: z.number().nullable(),
});
export type TClock = z.infer<typeof ZClock>;

/** One line of the business timeline: who did what, when and why. */
export const ZHistoryEntry = z.object({
  at: z.number(),
  type: z.string(),
  actor: ZActor.nullable(),
  reason: z.string().nullable(),
  summary: z.string(),
});
export type THistoryEntry = z.infer<typeof ZHistoryEntry>;

export const ZProgrammeState = z.object({
  programmeId: z.string(),
  onsCode: z.string(),
  authorityName: z.string(),
  cycle: z.number().int(),
  phase: ZProgrammePhase,
  grade: ZGrade.nullable(),
  inspection: ZInspection.nullable(),
  clocks: z.array(ZClock),
  history: z.array(ZHistoryEntry),
  startedAt: z.number(),
  /** Increases by one on every event: projections only ever move forward. */
  version: z.number().int(),
  calendarVersion: z.string(),
});
export type TProgrammeState = z.infer<typeof ZProgrammeState>;

export type { TActor };
