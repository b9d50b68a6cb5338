import type { Client } from '@temporalio/client';
import { ensureSchedule } from '@ip/activities';
import { kpiReturnScheduleOptions } from '@ip/workflows/definitions';

/**
 * Each programme has a Temporal Schedule that runs its KPI return monthly. The programme workflow
 * creates it when it starts (its ensureSchedule activity); the API calls this only when a create is
 * retried after a crash, for programmes started before the workflow did so. Idempotent.
 */
export async function ensureKpiReturnSchedule(temporal: Client, programmeId: string, taskQueue: string): Promise<string> {
  return ensureSchedule(temporal, kpiReturnScheduleOptions(programmeId, taskQueue));
}
