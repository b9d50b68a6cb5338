/**
 * A recorded DfE step as the intervention workflow checks it, without zod (see ../lifecycle/payload.ts):
 * a known step type, a real date, and the fields the reducer uses for that type (real dates, non-blank
 * names). ZInterventionStep (./schemas.ts), which the API parses every step with, has the full rules.
 */
import { checkedPayload, type FieldCheck } from '../lifecycle/payload.js';
import { LifecycleRejection } from '../lifecycle/reducer.js';
import type { TInterventionStep, TInterventionStepType } from './schemas.js';

const STEP_FIELDS: Record<TInterventionStepType, Record<string, FieldCheck>> = {
  improvement_notice_issued: { adviserName: 'text', boardChairName: 'text?' },
  statutory_direction_issued: { commissionerName: 'text', commissionerAppointedOn: 'date' },
  commissioner_report_received: { recommendation: 'value', summary: 'text?' },
  remain_with_council_decided: {},
  adm_options_directed: {},
  adm_business_case_submitted: { model: 'value', deliveryBodyName: 'text' },
  adm_shadow_started: {},
  adm_went_live: {},
  exit_supervision_started: {},
  review_held: { summary: 'text' },
  commissioner_update_received: { summary: 'text' },
  intervention_closed: {},
};

/** The step with its type, date and that type's fields only. @throws LifecycleRejection "step.field: …". */
export function checkedInterventionStep(raw: unknown): TInterventionStep {
  const type = (raw as { type?: unknown } | null)?.type;
  const fields = typeof type === 'string' ? STEP_FIELDS[type as TInterventionStepType] : undefined;
  if (!fields || !Object.hasOwn(STEP_FIELDS, type as string)) {
    throw new LifecycleRejection(`step.type: expected one of ${Object.keys(STEP_FIELDS).join(', ')}`);
  }
  return checkedPayload<TInterventionStep>(raw, { type: 'value', on: 'date', ...fields }, 'none', 'step');
}
