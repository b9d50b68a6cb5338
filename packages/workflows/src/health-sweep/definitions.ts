/** The workflow-health sweep: a Temporal Schedule starts workflowHealthSweepWorkflow every few minutes. */
export const WORKFLOW_HEALTH_SWEEP_SCHEDULE_ID = 'workflow-health-sweep';

/** How often stopped workflows are looked for (the API's command path also notices at once). */
export const WORKFLOW_HEALTH_SWEEP_INTERVAL = '5 minutes';

export interface WorkflowHealthSweepArgs {
  /** Only executions on this task queue (default: the whole namespace). */
  taskQueue?: string;
}
