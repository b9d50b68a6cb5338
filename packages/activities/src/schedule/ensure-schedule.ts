import { ScheduleAlreadyRunning, type Client, type ScheduleOptions } from '@temporalio/client';

/**
 * Creates a Temporal Schedule unless it already exists: creating it again (a retried activity, a
 * retried create command) finds it there, which is the same effect.
 */
export async function ensureSchedule(temporal: Client, options: ScheduleOptions): Promise<string> {
  try {
    await temporal.schedule.create(options);
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  return options.scheduleId;
}
