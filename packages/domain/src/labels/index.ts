/**
 * The words people see for every coded value the system keeps: one module, used by the console and
 * the board pack alike, so a phase, a grade, a status or a RAG reads the same on every screen and on
 * paper, and no raw key (statutory_direction, awaiting_sign_off, front-door) reaches a reader.
 * Plain data (no zod): anything may import it. Tones and colours stay with the console.
 */
import type { TClockOutcome } from '../clock-outcome/outcome.js';
import { CLOCK_OUTCOME_LABELS } from '../clock-outcome/words.js';
import { GRADE_LABELS, type TGrade } from '../schemas/grades.js';
import type { TRole } from '../schemas/roles.js';

export { CLOCK_OUTCOME_LABELS, GRADE_LABELS };
export type { TClockOutcome, TGrade };

export const PROGRAMME_PHASE_LABELS = {
  awaiting_inspection: 'Awaiting inspection',
  action_planning: 'Action planning',
  plan_submitted: 'Plan submitted',
  monitoring: 'Monitoring',
  routine: 'Routine',
  closed: 'Closed',
} as const;

export const ROLE_LABELS: Record<TRole, string> = {
  programme_manager: 'Programme manager',
  auditor: 'Auditor',
  admin: 'Administrator',
};

export const INSPECTION_TYPE_LABELS = {
  standard: 'Standard inspection',
  short: 'Short inspection',
  focused_visit: 'Focused visit',
  monitoring_visit: 'Monitoring visit',
  jtai: 'Joint targeted area inspection (JTAI)',
} as const;

/** ILACS judgement names, as Ofsted words them in its reports. */
export const JUDGEMENT_LABELS = {
  overallEffectiveness: 'Overall effectiveness',
  impactOfLeaders: 'The impact of leaders on social work practice with children and families',
  helpAndProtection: 'The experiences and progress of children who need help and protection',
  childrenInCare: 'The experiences and progress of children in care',
  careLeavers: 'The experiences and progress of care leavers',
} as const;

/** RAG words: a tag always says the colour in words, so colour never carries the meaning alone. */
export const RAG_LABELS = { red: 'Red', amber: 'Amber', green: 'Green' } as const;

export const ACTION_STATUS_LABELS = {
  open: 'Open',
  awaiting_sign_off: 'Awaiting sign-off',
  complete: 'Complete (signed off)',
  cancelled: 'Cancelled',
} as const;

/** An action's RAG, which also says when it is delivered or no longer rated. */
export const ACTION_RAG_LABELS = {
  ...RAG_LABELS,
  awaiting_sign_off: 'Awaiting sign-off',
  complete: 'Complete',
  cancelled: 'Cancelled',
} as const;

export const ACTION_FLAG_LABELS = { stale: 'Stale', chronic_amber: 'Chronic amber' } as const;

/** What became of an extension request. */
export const EXTENSION_OUTCOME_LABELS = {
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  closed: 'Closed by the system',
} as const;

/** Who an escalation step tells, as a council would say it. */
export const ESCALATION_LEVEL_LABELS = {
  owner: 'Owner',
  workstream_lead: 'Workstream lead',
  programme_manager: 'Programme manager',
  director: 'Director of Children’s Services',
  improvement_board: 'Improvement board',
  dfe: 'Department for Education',
  committee_chair: 'Committee chair',
  chief_executive: 'Chief executive and leader',
} as const;
export const ESCALATION_KIND_LABELS = { reminder: 'Reminder', escalation: 'Escalation' } as const;

export const KPI_UNIT_LABELS = { percent: 'Percentage', count: 'Count', ratio: 'Ratio', days: 'Days' } as const;
export const KPI_DIRECTION_LABELS = { higher_is_better: 'Higher is better', lower_is_better: 'Lower is better' } as const;
export const KPI_PERIOD_LABELS = { monthly: 'Monthly', quarterly: 'Quarterly' } as const;
export const KPI_TREND_LABELS = { improving: 'Improving', worsening: 'Worsening', flat: 'No change' } as const;

export const WORKSTREAM_PHASE_LABELS = { responding: 'Responding', strengthening: 'Strengthening' } as const;

/** The 5×5 scales' words, as on a printed heat map. Index = score − 1. */
export const LIKELIHOOD_WORDS = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] as const;
export const IMPACT_WORDS = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'] as const;

export const VISIT_PHASE_LABELS = {
  scheduled: 'Scheduled, fieldwork not yet done',
  fieldwork: 'Fieldwork done',
  letter_draft: 'Draft letter: accuracy check',
  published: 'Letter published: actions due',
  response: 'Actions in the plan',
  closed: 'Closed',
  cancelled: 'Cancelled',
} as const;

export const INTERVENTION_PHASE_LABELS = {
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
} as const;

export const INTERVENTION_STEP_LABELS = {
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
} as const;

export const COMMISSIONER_RECOMMENDATION_LABELS = {
  remain_with_council: 'Services remain with the council',
  alternative_delivery_model: 'Alternative delivery model',
} as const;
export const ADM_MODEL_LABELS = { trust: 'Children’s services trust', council_company: 'Council-owned company', other: 'Other model' } as const;

export const REQUEST_PHASE_LABELS = { open: 'Open', answered: 'Answered', withdrawn: 'Withdrawn' } as const;

/** The kinds of workflow a programme's history is made of. */
export const WORKFLOW_KIND_LABELS = {
  programme: 'Programme',
  action: 'Action',
  monitoring_visit: 'Monitoring visit',
  intervention: 'DfE intervention',
  information_request: 'Information request',
  kpi_return: 'KPI return',
  other: 'Other',
} as const;

/** The audit trail's entity and action codes. */
export const AUDIT_ENTITY_LABELS = {
  kpi: 'KPI',
  kpi_reading: 'KPI reading',
  risk: 'Risk',
  workstream: 'Workstream',
  recommendation: 'Recommendation',
  escalation: 'Escalation',
  user: 'User',
  saved_view: 'Saved view',
  authority: 'Local authority',
  programme_settings: 'Programme settings',
} as const;
export const AUDIT_ACTION_LABELS = {
  create: 'Added',
  update: 'Changed',
  delete: 'Removed',
  record_reading: 'Recorded a reading for',
  correct_reading: 'Corrected a reading for',
  acknowledge: 'Acknowledged',
  change_password: 'Changed the password of',
  rename: 'Renamed',
  record_successor: 'Recorded the successor of',
} as const;

/**
 * The label for a code. A code with no label yet (a value newer than this module) reads as words
 * ("statutory direction"), never as the raw key.
 */
export function labelOf(labels: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (code == null) return '';
  const known = labels[code];
  if (known !== undefined) return known;
  const words = code.replaceAll('_', ' ').replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
