import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { KPI_RETURN_CALENDAR, KPI_RETURN_TIMEZONE, kpiReturnScheduleId, type KpiReturnWorkflowArgs } from '@ip/workflows/definitions';

/**
 * Each programme has a Temporal Schedule that runs its KPI return monthly. Creating it again (a
 * retried start) finds it already there, which is the same effect.
 */
export async function ensureKpiReturnSchedule(temporal: Client, programmeId: string, taskQueue: string): Promise<string> {
  const scheduleId = kpiReturnScheduleId(programmeId);
  const args: KpiReturnWorkflowArgs = { programmeId };
  try {
    await temporal.schedule.create({
      scheduleId,
      spec: { calendars: [KPI_RETURN_CALENDAR], timezone: KPI_RETURN_TIMEZONE },
      action: { type: 'startWorkflow', workflowType: 'kpiReturnWorkflow', workflowId: `kpi-return-run-${programmeId}`, taskQueue, args: [args] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  return scheduleId;
}
