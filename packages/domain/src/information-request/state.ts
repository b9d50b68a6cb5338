import { z } from 'zod';
import { ZStoredIsoDate } from '../calendar/index.js';
import { ZHistoryEntry, ZLogBase } from '../lifecycle/state.js';
import { ZLadderClock } from '../ladder-clock/schemas.js';
import { ZInformationRequester } from './schemas.js';

export const ZInformationRequestPhase = z.enum(['open', 'answered', 'withdrawn']);
export type TInformationRequestPhase = z.infer<typeof ZInformationRequestPhase>;

export const ZInformationRequestState = z.object({
  /** The workflow id. */
  id: z.string(),
  programmeId: z.string().nullable(),
  onsCode: z.string(),
  requester: ZInformationRequester,
  subject: z.string(),
  requestedOn: ZStoredIsoDate,
  /** The current (possibly extended) due date. */
  dueOn: ZStoredIsoDate,
  phase: ZInformationRequestPhase,
  answer: z.object({ answeredOn: ZStoredIsoDate, summary: z.string(), onTime: z.boolean() }).nullable(),
  extensions: z.array(z.object({ fromDueOn: ZStoredIsoDate, toDueOn: ZStoredIsoDate, at: z.number() })),
  clocks: z.array(ZLadderClock),
  history: z.array(ZHistoryEntry),
  /** Next clock baseline: each arming gets a fresh one, so an extended deadline escalates afresh. */
  nextBaseline: z.number().int(),
  startedAt: z.number(),
  /** +1 on every change: projections only move forward. */
  version: z.number().int(),
  calendarVersion: z.string(),
  logBase: ZLogBase.optional(),
});
export type TInformationRequestState = z.infer<typeof ZInformationRequestState>;
