/**
 * workflowHealthSweepWorkflow — every few minutes (the WORKFLOW_HEALTH_SWEEP_SCHEDULE_ID Schedule):
 *  - marks the read-model rows of workflows that stopped without finishing (terminated, failed, timed
 *    out) as stopped, with Temporal's reason, so the console shows them and an admin can restart them;
 *  - hands escalations whose emails still wait after minutes to their delivery workflow (the safety
 *    net for the first workflow version, which did not start deliveries itself).
 * Each is one idempotent activity.
 */
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities, HandOverResult, SweepResult } from '@ip/activities';
import type { WorkflowHealthSweepArgs } from './definitions.js';

const { sweepStoppedWorkflows, handOverPlannedDeliveries } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '10 seconds', maximumInterval: '2 minutes', maximumAttempts: 5 },
});

export async function workflowHealthSweepWorkflow(args: WorkflowHealthSweepArgs = {}): Promise<{ stopped: SweepResult; deliveries: HandOverResult }> {
  const [stopped, deliveries] = await Promise.all([
    sweepStoppedWorkflows({ taskQueue: args.taskQueue }),
    handOverPlannedDeliveries({ taskQueue: args.taskQueue ?? workflowInfo().taskQueue }),
  ]);
  return { stopped, deliveries };
}
