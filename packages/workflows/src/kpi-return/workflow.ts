/**
 * kpiReturnWorkflow — one month's KPI return for a programme, started by its Temporal Schedule
 * (kpiReturnScheduleId). Models BRIEF (b): a KPI outside its band changes RAG and tells its owner;
 * red two periods running goes to the improvement board. The evaluation and the escalations are one
 * activity: escalation ids name the KPI and the period, so retries and re-runs record nothing twice.
 */
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities, KpiReturnResult } from '@ip/activities';
import type { KpiReturnWorkflowArgs } from './definitions.js';

const { evaluateKpiReturn } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

export async function kpiReturnWorkflow(args: KpiReturnWorkflowArgs): Promise<KpiReturnResult> {
  return evaluateKpiReturn({ programmeId: args.programmeId, workflowId: workflowInfo().workflowId, at: Date.now() });
}
