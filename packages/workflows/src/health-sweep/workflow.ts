/**
 * workflowHealthSweepWorkflow — marks the read-model rows of workflows that stopped without finishing
 * (terminated, failed, timed out) as stopped, with Temporal's reason, so the console shows them and
 * an admin can restart them. Started by the WORKFLOW_HEALTH_SWEEP_SCHEDULE_ID Schedule; all the work
 * is one idempotent activity.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities, SweepResult } from '@ip/activities';
import type { WorkflowHealthSweepArgs } from './definitions.js';

const { sweepStoppedWorkflows } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '10 seconds', maximumInterval: '2 minutes', maximumAttempts: 5 },
});

export async function workflowHealthSweepWorkflow(args: WorkflowHealthSweepArgs = {}): Promise<SweepResult> {
  return sweepStoppedWorkflows({ taskQueue: args.taskQueue });
}
