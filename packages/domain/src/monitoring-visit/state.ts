import { z } from 'zod';
import { ZStoredIsoDate } from '../calendar/index.js';
import { ZLadder } from '../escalation/index.js';
import { ZHistoryEntry, ZLogBase } from '../lifecycle/state.js';
import { ZLadderClock } from '../ladder-clock/schemas.js';
import { ZMonitoringVisitFindings } from './schemas.js';

/**
 * BRIEF (a) MV_SCHEDULED → MV_FIELDWORK → MV_LETTER_DRAFT → MV_LETTER_PUBLISHED → MV_RESPONSE, then
 * closed. published: letter out, findings recorded, new actions awaited (the 10 WD clock runs).
 * response: new actions confirmed; more may be added until the 10 WD window ends, when the visit closes.
 */
export const ZMonitoringVisitPhase = z.enum(['scheduled', 'fieldwork', 'letter_draft', 'published', 'response', 'closed', 'cancelled']);
export type TMonitoringVisitPhase = z.infer<typeof ZMonitoringVisitPhase>;

export const ZMonitoringVisitState = z.object({
  /** The workflow id. */
  id: z.string(),
  programmeId: z.string(),
  onsCode: z.string(),
  authorityName: z.string(),
  number: z.number().int(),
  theme: z.string(),
  plannedStartOn: ZStoredIsoDate,
  evidencePackDueOn: ZStoredIsoDate,
  phase: ZMonitoringVisitPhase,
  fieldwork: z.object({ startedOn: ZStoredIsoDate, endedOn: ZStoredIsoDate, inspectors: z.array(z.string()) }).nullable(),
  draftLetterReceivedOn: ZStoredIsoDate.nullable(),
  accuracyCorrections: z.array(z.object({ sentOn: ZStoredIsoDate, note: z.string() })),
  letterPublishedOn: ZStoredIsoDate.nullable(),
  findings: ZMonitoringVisitFindings.nullable(),
  newActionsDueBy: ZStoredIsoDate.nullable(),
  newActionRefs: z.array(z.string()),
  /** Armed when the letter is published; kept from the args so a replay uses the same one. */
  newActionsLadder: ZLadder,
  clocks: z.array(ZLadderClock),
  history: z.array(ZHistoryEntry),
  nextBaseline: z.number().int(),
  startedAt: z.number(),
  version: z.number().int(),
  calendarVersion: z.string(),
  logBase: ZLogBase.optional(),
});
export type TMonitoringVisitState = z.infer<typeof ZMonitoringVisitState>;

/** What the workflow returns to the programme workflow that started it. */
export interface TMonitoringVisitSummary {
  number: number;
  theme: string;
  outcome: 'closed' | 'cancelled';
  findings: z.infer<typeof ZMonitoringVisitFindings> | null;
  newActionsDueBy: string | null;
  letterPublishedOn: string | null;
  newActionRefs: string[];
}
