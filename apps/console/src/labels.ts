import type {
  TClockStatus,
  TEscalationLevel,
  TInspectionType,
  TJudgements,
  TKpiDirection,
  TKpiPeriod,
  TKpiTrend,
  TKpiUnit,
  TProgrammePhase,
  TRole,
} from '@ip/domain';
import type { TTone } from './components/StatusTag';

export const PHASE_LABELS: Record<TProgrammePhase, string> = {
  awaiting_inspection: 'Awaiting inspection',
  action_planning: 'Action planning',
  plan_submitted: 'Plan submitted',
  monitoring: 'Monitoring',
  routine: 'Routine',
  closed: 'Closed',
};

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

export const CLOCK_STATUS_LABELS: Record<TClockStatus, string> = { running: 'Running', met: 'Met', breached: 'Breached' };
export const CLOCK_STATUS_TONES: Record<TClockStatus, TTone> = { running: 'blue', met: 'green', breached: 'red' };

export const ROLE_LABELS: Record<TRole, string> = {
  programme_manager: 'Programme manager',
  auditor: 'Auditor',
  admin: 'Administrator',
};

export const INSPECTION_TYPE_LABELS: Record<TInspectionType, string> = {
  standard: 'Standard inspection',
  short: 'Short inspection',
  focused_visit: 'Focused visit',
  monitoring_visit: 'Monitoring visit',
  jtai: 'Joint targeted area inspection (JTAI)',
};

/** ILACS judgement names, as Ofsted words them in its reports. */
export const JUDGEMENT_LABELS: Record<keyof TJudgements, string> = {
  overallEffectiveness: 'Overall effectiveness',
  impactOfLeaders: 'The impact of leaders on social work practice with children and families',
  helpAndProtection: 'The experiences and progress of children who need help and protection',
  childrenInCare: 'The experiences and progress of children in care',
  careLeavers: 'The experiences and progress of care leavers',
};

/** RAG words: the tag always says the colour in words, so colour never carries the meaning alone. */
export const RAG_LABELS = { red: 'Red', amber: 'Amber', green: 'Green' } as const;
export const RAG_TONES = { red: 'red', amber: 'yellow', green: 'green' } as const satisfies Record<string, TTone>;

/** Who an escalation step tells, as a council would say it. */
export const ESCALATION_LEVEL_LABELS: Record<TEscalationLevel, string> = {
  owner: 'Owner',
  workstream_lead: 'Workstream lead',
  programme_manager: 'Programme manager',
  director: 'Director of Children’s Services',
  improvement_board: 'Improvement board',
  dfe: 'Department for Education',
  committee_chair: 'Committee chair',
  chief_executive: 'Chief executive and leader',
};
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
export const ESCALATION_KIND_LABELS = { reminder: 'Reminder', escalation: 'Escalation' } as const;

export const KPI_UNIT_LABELS: Record<TKpiUnit, string> = { percent: 'Percentage', count: 'Count', ratio: 'Ratio', days: 'Days' };
export const KPI_DIRECTION_LABELS: Record<TKpiDirection, string> = {
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
};
export const KPI_PERIOD_LABELS: Record<TKpiPeriod, string> = { monthly: 'Monthly', quarterly: 'Quarterly' };
export const KPI_TREND_LABELS: Record<TKpiTrend, string> = { improving: 'Improving', worsening: 'Worsening', flat: 'No change' };

/** The 5×5 scales' words, as on a printed heat map. Index = score − 1. */
export const LIKELIHOOD_WORDS = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] as const;
export const IMPACT_WORDS = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'] as const;

export const WORKSTREAM_PHASE_LABELS: Record<string, string> = { responding: 'Responding', strengthening: 'Strengthening' };

/** Label lookup that falls back to the raw value, so a new server value still shows something. */
export function labelOf<K extends string>(labels: Record<K, string>, value: string | null | undefined): string {
  if (value == null) return '';
  return (labels as Record<string, string>)[value] ?? value.replaceAll('_', ' ');
}
