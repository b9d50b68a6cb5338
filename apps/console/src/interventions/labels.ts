import type { TInterventionStepType } from '@ip/domain';
import type { TTone } from '../components/StatusTag';

export const INTERVENTION_PHASE_LABELS: Record<string, string> = {
  none: 'Opened',
  improvement_notice: 'Improvement notice',
  statutory_direction: 'Statutory direction',
  remain_with_council: 'Services remain with the council',
  adm_options: 'Alternative delivery model: options',
  adm_business_case: 'Alternative delivery model: business case',
  adm_shadow: 'Alternative delivery model: shadow running',
  adm_live: 'Alternative delivery model: live',
  exit_supervision: 'Exit supervision',
  closed: 'Closed',
};

export const INTERVENTION_PHASE_TONES: Record<string, TTone> = {
  none: 'grey', improvement_notice: 'yellow', statutory_direction: 'red', remain_with_council: 'orange', adm_options: 'red',
  adm_business_case: 'red', adm_shadow: 'orange', adm_live: 'orange', exit_supervision: 'blue', closed: 'green',
};

export const STEP_LABELS: Record<TInterventionStepType, string> = {
  improvement_notice_issued: 'Improvement notice issued',
  statutory_direction_issued: 'Statutory direction issued (commissioner appointed)',
  commissioner_report_received: 'Commissioner’s report received',
  remain_with_council_decided: 'DfE decided services remain with the council',
  adm_options_directed: 'DfE directed an alternative delivery model',
  adm_business_case_submitted: 'Alternative delivery model business case submitted',
  adm_shadow_started: 'Alternative delivery model shadow running started',
  adm_went_live: 'Alternative delivery model went live',
  exit_supervision_started: 'Exit supervision started',
  review_held: 'Six-monthly review held',
  commissioner_update_received: 'Commissioner’s quarterly update received',
  intervention_closed: 'Intervention closed',
};

export const RECOMMENDATION_LABELS = { remain_with_council: 'Services remain with the council', alternative_delivery_model: 'Alternative delivery model' } as const;
export const ADM_MODEL_LABELS = { trust: 'Children’s services trust', council_company: 'Council-owned company', other: 'Other model' } as const;
