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
