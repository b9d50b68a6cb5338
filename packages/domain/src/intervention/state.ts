import { z } from 'zod';
import { ZIsoDate } from '../calendar/index.js';
import { ZLadder } from '../escalation/index.js';
import { ZHistoryEntry } from '../lifecycle/state.js';
import { ZLadderClock } from '../information-request/ladder-clock-schemas.js';
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
  notice: z.object({ issuedOn: ZIsoDate, adviserName: z.string(), boardChairName: z.string().nullable() }).nullable(),
  direction: z.object({ issuedOn: ZIsoDate, commissionerName: z.string(), commissionerAppointedOn: ZIsoDate }).nullable(),
  commissionerReport: z.object({ receivedOn: ZIsoDate, recommendation: z.string(), summary: z.string().nullable() }).nullable(),
  adm: z.object({
    directedOn: ZIsoDate, model: ZAdmModel.nullable(), deliveryBodyName: z.string().nullable(), businessCaseOn: ZIsoDate.nullable(),
    shadowFrom: ZIsoDate.nullable(), liveOn: ZIsoDate.nullable(),
  }).nullable(),
  supervision: z.object({ startedOn: ZIsoDate, reviewsHeld: z.number().int() }).nullable(),
  reviews: z.array(z.object({ clock: z.string(), dueOn: ZIsoDate, heldOn: ZIsoDate, summary: z.string() })),
  commissionerUpdates: z.array(z.object({ dueOn: ZIsoDate, receivedOn: ZIsoDate, summary: z.string() })),
  closedOn: ZIsoDate.nullable(),
  /** DfE steps are recorded in date order; this is the latest date recorded. */
  lastStepOn: ZIsoDate.nullable(),
  ladders: z.object({ review: ZLadder, commissionerReport: ZLadder, commissionerUpdate: ZLadder }),
  clocks: z.array(ZLadderClock),
  history: z.array(ZHistoryEntry),
  nextBaseline: z.number().int(),
  startedAt: z.number(),
  version: z.number().int(),
  calendarVersion: z.string(),
});
export type TInterventionState = z.infer<typeof ZInterventionState>;
