import { useGetMany } from 'react-admin';
import type { TActionRecord, TInformationRequestRecord, TInterventionRecord, TMonitoringVisitRecord } from '../api-types';
import { WORKFLOW_KIND_LABELS, labelOf } from '../labels';
import { programmeName } from '../programmes/current-programme';
import type { TProgrammeRecord } from '../programmes/types';

type TWorkflowRef = { workflowId: string; kind: string };

/**
 * What each workflow of a programme's history is called, so the history and its exports are
 * named by their records ("Action: Audit of front-door decisions"), never by a workflow id or hash.
 */
export function useWorkflowNames(programme: TProgrammeRecord | undefined, workflows: readonly TWorkflowRef[]): (ref: TWorkflowRef) => string {
  const ids = (kind: string) => workflows.filter((w) => w.kind === kind).map((w) => w.workflowId);
  const actions = useGetMany<TActionRecord>('actions', { ids: ids('action') }, { enabled: ids('action').length > 0 });
  const visits = useGetMany<TMonitoringVisitRecord>('monitoringVisits', { ids: ids('monitoring_visit') }, { enabled: ids('monitoring_visit').length > 0 });
  const interventions = useGetMany<TInterventionRecord>('interventions', { ids: ids('intervention') }, { enabled: ids('intervention').length > 0 });
  const requests = useGetMany<TInformationRequestRecord>('informationRequests', { ids: ids('information_request') }, { enabled: ids('information_request').length > 0 });
  const names = new Map<string, string>();
  if (programme) names.set(programme.id, `Programme: ${programmeName(programme)}`);
  for (const a of actions.data ?? []) names.set(a.id, `Action: ${a.title}`);
  for (const v of visits.data ?? []) names.set(v.id, `Monitoring visit ${v.number}: ${v.theme}`);
  for (const i of interventions.data ?? []) names.set(i.id, `DfE intervention: ${i.authorityName}`);
  for (const r of requests.data ?? []) names.set(r.id, `Information request: ${r.subject}`);
  return (ref) => names.get(ref.workflowId) ?? labelOf(WORKFLOW_KIND_LABELS, ref.kind);
}

/** "Action: Audit of front-door decisions" → "action-audit-of-front-door-decisions", for file names. */
export function fileSlug(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'history';
}
