import { z } from 'zod';
import { ZActor, type TActor } from '../schemas/common.js';
import { ZGrade, ZInspection } from '../schemas/inspection.js';
import { ZCalendarOverrides } from '../calendar/index.js';
import { ZLadder } from '../escalation/schemas.js';

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
  /** Set when the thing the clock waits for happened; a breached clock stays open until then. */
  closedAt: z.number().nullable(),
  /**
   * The business date the thing the clock waits for happened (report published, plan submitted...):
   * what "done N working days late" counts to. Absent on clocks closed before it was kept.
   */
  doneOn: z.string().nullable().optional(),
  /** Which escalation ladder this clock runs (see clock-ladders.ts). */
  ladderId: z.string().optional(),
});
export type TClock = z.infer<typeof ZClock>;

/**
 * Entries dropped from the front of each append-only log when a run continues as new (the read model
 * and the history keep them all): the absolute index of `log[0]` is `logBase[log] ?? 0` (logs.ts).
 */
export const ZLogBase = z.record(z.string(), z.number().int().min(0));
export type TLogBase = z.infer<typeof ZLogBase>;

/** One line of the business timeline: who did what, when and why. */
export const ZHistoryEntry = z.object({
  at: z.number(),
  type: z.string(),
  actor: ZActor.nullable(),
  reason: z.string().nullable(),
  summary: z.string(),
});
export type THistoryEntry = z.infer<typeof ZHistoryEntry>;

/** A monitoring visit as the programme tracks it; the visit's own workflow holds the detail. */
export const ZProgrammeVisit = z.object({
  number: z.number().int().min(1),
  theme: z.string(),
  plannedStartOn: z.string(),
  workflowId: z.string(),
  status: z.enum(['scheduled', 'closed']),
  letterPublishedOn: z.string().nullable(),
});
export type TProgrammeVisit = z.infer<typeof ZProgrammeVisit>;

export const ZPlanResponse = z.object({
  outcome: z.enum(['accepted', 'returned']),
  letterOn: z.string(),
  comments: z.string(),
});

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
  planSubmittedOn: z.string().nullable().default(null),
  planResponse: ZPlanResponse.nullable().default(null),
  visits: z.array(ZProgrammeVisit).default([]),
  /** Keys of ladder steps already fired (clock/step/baseline): a step never fires twice. */
  firedSteps: z.array(z.string()).default([]),
  previousCycles: z
    .array(z.object({ cycle: z.number().int(), grade: z.string().nullable(), endedAt: z.number() }))
    .default([]),
  /** Increases by one on every event: projections only ever move forward. */
  version: z.number().int(),
  calendarVersion: z.string(),
  logBase: ZLogBase.optional(),
  /**
   * Per-programme configuration set by an admin: escalation ladders by clock name (replacing the
   * defaults) and one-off calendar changes. Lives in the state, so it survives continue-as-new and
   * shows in the audit trail.
   */
  config: z
    .object({ ladders: z.record(z.string(), ZLadder).default({}), calendarOverrides: ZCalendarOverrides.optional() })
    .default({ ladders: {} }),
});
export type TProgrammeState = z.infer<typeof ZProgrammeState>;

export type { TActor };
