/** What the audit trail's entity and action codes mean, in the words the console uses elsewhere. */
export const ENTITY_LABELS: Record<string, string> = {
  kpi: 'KPI',
  kpi_reading: 'KPI reading',
  risk: 'Risk',
  workstream: 'Workstream',
  recommendation: 'Recommendation',
  escalation: 'Escalation',
  user: 'User',
  saved_view: 'Saved view',
};

export const ACTION_LABELS: Record<string, string> = {
  create: 'Added',
  update: 'Changed',
  delete: 'Removed',
  record_reading: 'Recorded a reading for',
  correct_reading: 'Corrected a reading for',
  acknowledge: 'Acknowledged',
  change_password: 'Changed the password of',
};

/** The label for a code, or the code itself with underscores as spaces when it is new. */
export function labelOf(labels: Record<string, string>, code: string): string {
  return labels[code] ?? code.replaceAll('_', ' ');
}
