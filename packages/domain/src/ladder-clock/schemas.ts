/**
 * The zod side of ladder clocks (./ladder-clock.ts): the stored clock's schema and the actor + reason
 * every lifecycle Update carries. Used at the edges (the API, stored state); workflows never load it
 * and check payloads with ../lifecycle/payload.ts instead (see ../workflow.ts).
 */
import { z } from 'zod';
import { ZStoredIsoDate } from '../calendar/schemas.js';
import { ZLadder } from '../escalation/schemas.js';
import { ZActor, ZCommandMeta } from '../schemas/common.js';

/**
 * running: before the due date, unmet. overdue: past it and still unmet (the ladder keeps escalating).
 * met: done by the due date. breached: done, but late. closed: stopped without being met (withdrawn,
 * cancelled, superseded by a new due date, or a reminder-only clock whose subject moved on).
 */
export const ZLadderClockStatus = z.enum(['running', 'overdue', 'met', 'breached', 'closed']);
export type TLadderClockStatus = z.infer<typeof ZLadderClockStatus>;

export const ZLadderClock = z.object({
  name: z.string(),
  label: z.string(),
  /** 'deadline' turns overdue when the due date passes; 'reminder' only reminds and never breaches. */
  mode: z.enum(['deadline', 'reminder']),
  startedOn: ZStoredIsoDate,
  dueOn: ZStoredIsoDate,
  /** End of `dueOn` in Europe/London (epoch ms). */
  dueAt: z.number(),
  status: ZLadderClockStatus,
  source: z.string(),
  /** The ladder travels with the clock, so a replay months later uses the ladder that was in force. */
  ladder: ZLadder,
  /** Unique within the workflow; part of every escalation id, so a re-armed clock escalates afresh. */
  baseline: z.number().int().positive(),
  /** Reminders scheduled before this instant are skipped: reminding someone of the past helps nobody. */
  armedAt: z.number(),
  firedStepIds: z.array(z.string()),
  closedAt: z.number().nullable(),
  /** The business date it was met (or met late): what "done N working days late" counts to. */
  doneOn: ZStoredIsoDate.nullable().optional(),
});
export type TLadderClock = z.infer<typeof ZLadderClock>;

/** Actor and reason on every Update payload (the API adds clientRequestId, used as the Update id). */
export const ZLifecycleUpdateMeta = z.object({ actor: ZActor, reason: ZCommandMeta.shape.reason });
export type TLifecycleUpdateMeta = z.infer<typeof ZLifecycleUpdateMeta>;
