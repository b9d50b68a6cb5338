import type { TMonitoringVisitPhase } from '@ip/domain';
import type { TTone } from '../components/StatusTag';

export const VISIT_PHASE_LABELS: Record<TMonitoringVisitPhase, string> = {
  scheduled: 'Scheduled',
  fieldwork: 'Fieldwork done',
  letter_draft: 'Draft letter: accuracy check',
  published: 'Letter published: actions due',
  response: 'Actions in the plan',
  closed: 'Closed',
  cancelled: 'Cancelled',
};
export const VISIT_PHASE_TONES: Record<TMonitoringVisitPhase, TTone> = {
  scheduled: 'blue',
  fieldwork: 'yellow',
  letter_draft: 'yellow',
  published: 'orange',
  response: 'green',
  closed: 'grey',
  cancelled: 'grey',
};
