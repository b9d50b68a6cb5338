/**
 * historyVerificationWorkflow — one "verify all histories" run (issue 6, determinism replay). The
 * replay is one long, heartbeating activity on the worker (which holds the workflow code); its
 * progress and mismatches go to the job row the console polls. If it cannot run at all, the job is
 * marked 'error' with the reason rather than left 'running'.
 */
import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '@ip/activities';
import type { HistoryVerificationWorkflowArgs } from './definitions.js';

const { verifyHistories } = proxyActivities<Activities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', maximumAttempts: 3 },
});
const { failHistoryVerification } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export async function historyVerificationWorkflow(args: HistoryVerificationWorkflowArgs): Promise<{ mismatches: number }> {
  try {
    return await verifyHistories({ jobId: args.jobId, taskQueue: args.taskQueue });
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    await failHistoryVerification({ jobId: args.jobId, error: err.cause?.message ?? err.message });
    return { mismatches: -1 };
  }
}
