import { z } from 'zod';
import { ZStoredIsoDate } from '../calendar/index.js';
import { ZLadder } from '../escalation/index.js';
import { ZHistoryEntry, ZLogBase } from '../lifecycle/state.js';
import { ZLadderClock } from '../ladder-clock/schemas.js';
import { ZAdmModel } from './schemas.js';

/** BRIEF (a) DfE track, in the codebase's lower-case style (NONE → none, ADM_LIVE → adm_live, ...). */
export const ZInterventionPhase = z.enum([
  'none', 'improvement_notice', 'statutory_direction', 'remain_with_council', 'adm_options', 'adm_business_case',
  'adm_shadow', 'adm_live', 'exit_supervision', 'closed',
]);
export type TInterventionPhase = z.infer<typeof ZInterventionPhase>;

export const ZInterventionState = z.object({
  id: z.string(),
  programmeId: z.string().nullable(),
  onsCode: z.string(),
  authorityName: z.string(),
  phase: ZInterventionPhase,
  notice: z.object({ issuedOn: ZStoredIsoDate, adviserName: z.string(), boardChairName: z.string().nullable() }).nullable(),
  direction: z.object({ issuedOn: ZStoredIsoDate, commissionerName: z.string(), commissionerAppointedOn: ZStoredIsoDate }).nullable(),
  commissionerReport: z.object({ receivedOn: ZStoredIsoDate, recommendation: z.string(), summary: z.string().nullable() }).nullable(),
  adm: z.object({
    directedOn: ZStoredIsoDate, model: ZAdmModel.nullable(), deliveryBodyName: z.string().nullable(), businessCaseOn: ZStoredIsoDate.nullable(),
    shadowFrom: ZStoredIsoDate.nullable(), liveOn: ZStoredIsoDate.nullable(),
  }).nullable(),
  supervision: z.object({ startedOn: ZStoredIsoDate, reviewsHeld: z.number().int() }).nullable(),
  reviews: z.array(z.object({ clock: z.string(), dueOn: ZStoredIsoDate, heldOn: ZStoredIsoDate, summary: z.string() })),
  commissionerUpdates: z.array(z.object({ dueOn: ZStoredIsoDate, receivedOn: ZStoredIsoDate, summary: z.string() })),
  closedOn: ZStoredIsoDate.nullable(),
  /** DfE steps are recorded in date order; this is the latest date recorded. */
  lastStepOn: ZStoredIsoDate.nullable(),
  ladders: z.object({ review: ZLadder, commissionerReport: ZLadder, commissionerUpdate: ZLadder }),
  clocks: z.array(ZLadderClock),
  history: z.array(ZHistoryEntry),
  nextBaseline: z.number().int(),
  startedAt: z.number(),
  version: z.number().int(),
  calendarVersion: z.string(),
  logBase: ZLogBase.optional(),
});
export type TInterventionState = z.infer<typeof ZInterventionState>;
