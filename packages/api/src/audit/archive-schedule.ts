import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { HISTORY_ARCHIVE_INTERVAL, HISTORY_ARCHIVE_SCHEDULE_ID, TASK_QUEUE, type HistoryArchiveWorkflowArgs } from '@ip/workflows/definitions';

/**
 * The Temporal Schedule that archives closed histories every hour (historyArchiveWorkflow). Creating
 * it again finds it already there, which is the same effect; the API ensures it at start-up and the
 * admin's archive command ensures it too.
 */
export async function ensureHistoryArchiveSchedule(temporal: Client, taskQueue: string = TASK_QUEUE): Promise<string> {
  const args: HistoryArchiveWorkflowArgs = {};
  try {
    await temporal.schedule.create({
      scheduleId: HISTORY_ARCHIVE_SCHEDULE_ID,
      spec: { intervals: [{ every: HISTORY_ARCHIVE_INTERVAL }] },
      action: { type: 'startWorkflow', workflowType: 'historyArchiveWorkflow', workflowId: 'history-archive-scheduled', taskQueue, args: [args] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  return HISTORY_ARCHIVE_SCHEDULE_ID;
}
