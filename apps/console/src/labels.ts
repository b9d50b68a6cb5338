/**
 * The console's labels are the domain's (@ip/domain labels module: one set of words for every coded
 * value, shared with the board pack); this file adds only the tag colours, which are presentation.
 */
import type { TClockOutcome, TEscalationLevel, TProgrammePhase } from '@ip/domain';
import type { TTone } from './components/StatusTag';

export {
  ACTION_FLAG_LABELS, ACTION_RAG_LABELS, ACTION_STATUS_LABELS, ADM_MODEL_LABELS, AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, CLOCK_OUTCOME_LABELS,
  COMMISSIONER_RECOMMENDATION_LABELS, ESCALATION_KIND_LABELS, ESCALATION_LEVEL_LABELS, EXTENSION_OUTCOME_LABELS, GRADE_LABELS, IMPACT_WORDS,
  INSPECTION_TYPE_LABELS, INTERVENTION_PHASE_LABELS, INTERVENTION_STATUS_LABELS, INTERVENTION_STEP_LABELS, JUDGEMENT_LABELS, KPI_DIRECTION_LABELS,
  KPI_PERIOD_LABELS, KPI_TREND_LABELS, KPI_UNIT_LABELS, labelOf, LIKELIHOOD_WORDS, PROGRAMME_PHASE_LABELS as PHASE_LABELS, RAG_LABELS,
  REQUEST_PHASE_LABELS, ROLE_LABELS, VISIT_PHASE_LABELS, WORKFLOW_KIND_LABELS, WORKSTREAM_PHASE_LABELS,
} from '@ip/domain';

/** Calm tag colours; the colour only reinforces the words, it never carries meaning alone. */
export const PHASE_TONES: Record<TProgrammePhase, TTone> = {
  awaiting_inspection: 'grey',
  action_planning: 'orange',
  plan_submitted: 'blue',
  monitoring: 'yellow',
  routine: 'green',
  closed: 'grey',
};

export const GRADE_TONES = {
  outstanding: 'green',
  good: 'green',
  requires_improvement: 'yellow',
  inadequate: 'red',
} as const satisfies Record<string, TTone>;

export const CLOCK_OUTCOME_TONES: Record<TClockOutcome, TTone> = { running: 'blue', overdue: 'red', met: 'green', breached: 'orange', closed: 'grey' };

export const RAG_TONES = { red: 'red', amber: 'yellow', green: 'green' } as const satisfies Record<string, TTone>;

/** Higher up the ladder reads warmer; the words still carry the meaning. */
export const ESCALATION_LEVEL_TONES: Record<TEscalationLevel, TTone> = {
  owner: 'grey',
  workstream_lead: 'grey',
  programme_manager: 'blue',
  director: 'orange',
  improvement_board: 'red',
  dfe: 'red',
  committee_chair: 'orange',
  chief_executive: 'red',
};

export const VISIT_PHASE_TONES = {
  scheduled: 'blue', fieldwork: 'yellow', letter_draft: 'yellow', published: 'orange', response: 'green', closed: 'grey', cancelled: 'grey',
} as const satisfies Record<string, TTone>;

export const INTERVENTION_PHASE_TONES: Record<string, TTone> = {
  none: 'grey', improvement_notice: 'yellow', statutory_direction: 'red', remain_with_council: 'orange', adm_options: 'red',
  adm_business_case: 'red', adm_shadow: 'orange', adm_live: 'orange', exit_supervision: 'blue', closed: 'green',
};

export const REQUEST_PHASE_TONES: Record<string, TTone> = { open: 'blue', answered: 'green', withdrawn: 'grey' };

export const ACTION_RAG_TONES = {
  red: 'red', amber: 'yellow', green: 'green', awaiting_sign_off: 'blue', complete: 'green', cancelled: 'grey',
} as const satisfies Record<string, TTone>;
