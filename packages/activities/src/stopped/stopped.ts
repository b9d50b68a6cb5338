/**
 * Workflows that stopped without finishing: terminated (by an operator, or by Temporal itself when a
 * history passed its size limit), failed, or timed out. Their read-model rows would otherwise go on
 * showing them open and healthy, and nothing they promised would fire. A sweep (the
 * workflow-health-sweep Schedule) and the API's command path mark such rows `stopped` with
 * Temporal's reason; every later projection (e.g. after an admin restarts the workflow) clears it.
 */
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@ip/db';

const STOPPED = ['TERMINATED', 'FAILED', 'TIMED_OUT'] as const;
export type StoppedStatus = (typeof STOPPED)[number];

/** Whether a Temporal execution status is a stop without finishing. */
export function isStoppedStatus(status: string): status is StoppedStatus {
  return (STOPPED as readonly string[]).includes(status);
}

/** Temporal's reason for the run's end, in its words (the close event, read from the end of the history). */
export async function closeReason(client: Client, workflowId: string, runId: string, status: string): Promise<string> {
  const page = await client.workflowService.getWorkflowExecutionHistoryReverse({
    namespace: client.options.namespace, execution: { workflowId, runId }, maximumPageSize: 1,
  });
  const e = page.history?.events?.[0];
  const detail = e?.workflowExecutionTerminatedEventAttributes?.reason
    ?? e?.workflowExecutionFailedEventAttributes?.failure?.message
    ?? (e?.workflowExecutionTimedOutEventAttributes ? 'the workflow ran out of time' : null);
  const what = status === 'TERMINATED' ? 'Terminated' : status === 'FAILED' ? 'Failed' : 'Timed out';
  return detail ? `${what}: ${detail}` : what;
}

/** Marks the read-model row of a workflow (whichever kind it is) as stopped, with the reason. Returns rows marked. */
export async function markStopped(prisma: PrismaClient, workflowId: string, reason: string, at = new Date()): Promise<number> {
  const data = { stoppedAt: at, stoppedReason: reason };
  const where = { id: workflowId, stoppedAt: null };
  const [a, p, l] = await Promise.all([
    prisma.action.updateMany({ where, data }),
    prisma.programme.updateMany({ where, data }),
    prisma.lifecycleRecord.updateMany({ where, data }),
  ]);
  return a.count + p.count + l.count;
}

/**
 * If the workflow's latest run has stopped without finishing, marks its row and returns the reason;
 * null while it runs (or once it finished normally).
 */
export async function checkStopped(prisma: PrismaClient, client: Client, workflowId: string): Promise<string | null> {
  const d = await client.workflow.getHandle(workflowId).describe();
  if (!isStoppedStatus(d.status.name)) return null;
  const reason = await closeReason(client, workflowId, d.runId, d.status.name);
  await markStopped(prisma, workflowId, reason, d.closeTime ?? new Date());
  return reason;
}

export interface SweepResult {
  listed: number;
  marked: number;
}

const SAFE_NAME = /^[\w.:-]+$/;

/**
 * Marks every workflow whose latest run closed without finishing within the last `withinDays`
 * (visibility lists closed runs; a run continued as new or restarted since is skipped, as its id runs on).
 */
export async function sweepStoppedWorkflows(prisma: PrismaClient, client: Client, opts: { taskQueue?: string; withinDays?: number; now?: Date } = {}): Promise<SweepResult> {
  if (opts.taskQueue !== undefined && !SAFE_NAME.test(opts.taskQueue)) throw new Error(`Unexpected task queue name: ${opts.taskQueue}`);
  const since = new Date((opts.now ?? new Date()).getTime() - (opts.withinDays ?? 7) * 86_400_000);
  const query = [
    '(ExecutionStatus = "Terminated" OR ExecutionStatus = "Failed" OR ExecutionStatus = "TimedOut")',
    `CloseTime > "${since.toISOString()}"`,
    ...(opts.taskQueue ? [`TaskQueue = "${opts.taskQueue}"`] : []),
  ].join(' AND ');
  const ids = new Set<string>();
  for await (const wf of client.workflow.list({ query })) ids.add(wf.workflowId);
  let marked = 0;
  for (const id of ids) if (await checkStopped(prisma, client, id)) marked += 1;
  return { listed: ids.size, marked };
}
