import type { Client } from '@temporalio/client';
import { EMAIL_DIGEST_WORKFLOW_ID, SET_DIGEST_TIME_SIGNAL, TASK_QUEUE, type EmailDigestWorkflowArgs, type SetDigestTimeSignalArgs } from '@ip/workflows/definitions';

/**
 * Makes sure the daily digest workflow runs, at `localTime` (Europe/London, HH:MM): signal-with-
 * start, so the first caller starts it and later ones (every API start) set its time, which moves
 * the next digest at once if it changed. Idempotent.
 */
export async function ensureEmailDigestWorkflow(temporal: Client, localTime: string, taskQueue: string = TASK_QUEUE): Promise<string> {
  const args: EmailDigestWorkflowArgs = { localTime };
  const signal: SetDigestTimeSignalArgs = { localTime };
  await temporal.workflow.signalWithStart('emailDigestWorkflow', {
    workflowId: EMAIL_DIGEST_WORKFLOW_ID, taskQueue, args: [args], signal: SET_DIGEST_TIME_SIGNAL, signalArgs: [signal],
  });
  return EMAIL_DIGEST_WORKFLOW_ID;
}
