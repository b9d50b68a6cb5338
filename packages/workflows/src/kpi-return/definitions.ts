import type { ScheduleOptions } from '@temporalio/client';
/** The monthly KPI return: a Temporal Schedule per programme starts kpiReturnWorkflow. */
export function kpiReturnScheduleId(programmeId: string): string {
  return `kpi-return-${programmeId}`;
}

export interface KpiReturnWorkflowArgs {
  programmeId: string;
}

/** When the return runs: 09:00 Europe/London on the first of each month (BRIEF (b), KPI line). */
export const KPI_RETURN_CALENDAR = { dayOfMonth: 1, hour: 9, minute: 0 } as const;
export const KPI_RETURN_TIMEZONE = 'Europe/London';

/**
 * The programme's KPI-return Schedule as plain data: the programme workflow asks its ensureSchedule
 * activity for it when it starts, and the API's create-retry path uses the same (see kpi-schedule.ts).
 */
export function kpiReturnScheduleOptions(programmeId: string, taskQueue: string): ScheduleOptions {
  const args: KpiReturnWorkflowArgs = { programmeId };
  return {
    scheduleId: kpiReturnScheduleId(programmeId),
    spec: { calendars: [KPI_RETURN_CALENDAR], timezone: KPI_RETURN_TIMEZONE },
    action: { type: 'startWorkflow', workflowType: 'kpiReturnWorkflow', workflowId: `kpi-return-run-${programmeId}`, taskQueue, args: [args] },
    policies: { overlap: 'SKIP', catchupWindow: '1 day' },
  };
}
