/**
 * historyArchiveWorkflow — copies closed workflows' histories into PostgreSQL (issue 6: histories
 * outlive Temporal retention). Started hourly by the HISTORY_ARCHIVE_SCHEDULE_ID Schedule and by the
 * admin's archive command. All the work is one idempotent, heartbeating activity: a retry or an
 * overlapping run archives nothing twice.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities, ArchiveResult } from '@ip/activities';
import type { HistoryArchiveWorkflowArgs } from './definitions.js';

const { archiveHistories } = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '10 seconds', maximumInterval: '5 minutes' },
});

export async function historyArchiveWorkflow(args: HistoryArchiveWorkflowArgs = {}): Promise<ArchiveResult> {
  return archiveHistories({ taskQueue: args.taskQueue, limit: args.limit ?? 500 });
}
