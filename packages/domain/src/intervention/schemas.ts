/**
 * The DfE intervention track (BRIEF (a), [S23–S32]): the DfE decides, users record. One schema per
 * concept: workflow args, the Update payload (a step plus actor and reason) and the API input.
 */
import { z } from 'zod';
import { ZIsoDate } from '../calendar/index.js';
import { ZLadder } from '../escalation/index.js';
import { ZActor, ZCommandMeta } from '../schemas/common.js';
import { ZOnsCode } from '../schemas/programme.js';
import { ZLifecycleUpdateMeta } from '../ladder-clock/schemas.js';

const text = (min: number, max: number, msg?: string) => z.string().trim().min(min, msg).max(max);
/** Every step carries `on`: the date it happened (the notice's date, the review's date, ...). */
const step = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), on: ZIsoDate, ...shape });

export const ZAdmModel = z.enum(['trust', 'council_company', 'other']);
export type TAdmModel = z.infer<typeof ZAdmModel>;

/** One recorded DfE step. Which steps fit which phase is the reducer's job (with reasons). */
export const ZInterventionStep = z.discriminatedUnion('type', [
  step('improvement_notice_issued', { adviserName: text(2, 200, 'Name the DfE improvement adviser'), boardChairName: text(2, 200).optional() }),
  step('statutory_direction_issued', { commissionerName: text(2, 200, 'Name the commissioner'), commissionerAppointedOn: ZIsoDate }),
  step('commissioner_report_received', { recommendation: z.enum(['remain_with_council', 'alternative_delivery_model']), summary: text(3, 5000).optional() }),
  step('remain_with_council_decided', {}),
  step('adm_options_directed', {}),
  step('adm_business_case_submitted', { model: ZAdmModel, deliveryBodyName: text(2, 200, 'Name the trust or company') }),
  step('adm_shadow_started', {}),
  step('adm_went_live', {}),
  step('exit_supervision_started', {}),
  step('review_held', { summary: text(3, 5000, 'Summarise the review outcome') }),
  step('commissioner_update_received', { summary: text(3, 5000, 'Summarise the update') }),
  step('intervention_closed', {}),
]);
export type TInterventionStep = z.infer<typeof ZInterventionStep>;
export type TInterventionStepType = TInterventionStep['type'];

/** Ladders per clock family; each defaults to the one in intervention/clocks.ts. */
export const ZInterventionLadders = z.object({
  review: ZLadder.optional(),
  commissionerReport: ZLadder.optional(),
  commissionerUpdate: ZLadder.optional(),
});

export const ZInterventionArgs = z.object({
  programmeId: z.string().min(1).optional(),
  onsCode: ZOnsCode,
  authorityName: text(2, 200),
  ladders: ZInterventionLadders.optional(),
  actor: ZActor.optional(),
  reason: z.string().trim().max(2000).optional(),
});
export type TInterventionArgs = z.infer<typeof ZInterventionArgs>;
export type TInterventionArgsInput = z.input<typeof ZInterventionArgs>;

/** Update `recordInterventionStep`. */
export const ZRecordInterventionStepUpdate = ZLifecycleUpdateMeta.extend({ step: ZInterventionStep });
export type TRecordInterventionStepUpdate = z.infer<typeof ZRecordInterventionStepUpdate>;

/** API inputs. */
export const ZStartInterventionInput = ZCommandMeta.extend({ programmeId: z.string().min(1).optional(), onsCode: ZOnsCode });
export type TStartInterventionInput = z.infer<typeof ZStartInterventionInput>;
export const ZRecordInterventionStepInput = ZCommandMeta.extend({ interventionId: z.string().min(1), step: ZInterventionStep });
export type TRecordInterventionStepInput = z.infer<typeof ZRecordInterventionStepInput>;
