import type { TClockStatus, TInspectionType, TJudgements, TProgrammePhase, TRole } from '@ip/domain';
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

/** Label lookup that falls back to the raw value, so a new server value still shows something. */
export function labelOf<K extends string>(labels: Record<K, string>, value: string | null | undefined): string {
  if (value == null) return '';
  return (labels as Record<string, string>)[value] ?? value.replaceAll('_', ' ');
}
