import { z } from 'zod';
import { ZIsoDate } from '../calendar/index.js';
import { ZHistoryEntry } from '../lifecycle/state.js';
import { ZLadderClock } from './ladder-clock-schemas.js';
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
  requestedOn: ZIsoDate,
  /** The current (possibly extended) due date. */
  dueOn: ZIsoDate,
  phase: ZInformationRequestPhase,
  answer: z.object({ answeredOn: ZIsoDate, summary: z.string(), onTime: z.boolean() }).nullable(),
  extensions: z.array(z.object({ fromDueOn: ZIsoDate, toDueOn: ZIsoDate, at: z.number() })),
  clocks: z.array(ZLadderClock),
  history: z.array(ZHistoryEntry),
  /** Next clock baseline: each arming gets a fresh one, so an extended deadline escalates afresh. */
  nextBaseline: z.number().int(),
  startedAt: z.number(),
  /** +1 on every change: projections only move forward. */
  version: z.number().int(),
  calendarVersion: z.string(),
});
export type TInformationRequestState = z.infer<typeof ZInformationRequestState>;
