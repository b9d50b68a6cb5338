/**
 * Histories from wherever they still are: Temporal while it keeps them, the PostgreSQL archive
 * (WorkflowHistoryArchive) once retention has removed them. History, "as at", replay and board packs
 * read through here, so they keep working after Temporal has forgotten a workflow.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { parseArchivedHistory } from '@ip/activities';
import type { PrismaClient } from '@ip/db';

export type THistory = temporal.api.history.v1.IHistory;

export interface StoredRun {
  workflowId: string;
  runId: string;
  workflowType: string;
  startedAt: Date;
  closedAt: Date | null;
  source: 'temporal' | 'archive';
}

export interface HistorySources {
  prisma: PrismaClient;
  temporal: Client;
}

const isNotFound = (err: unknown): boolean =>
  err instanceof WorkflowNotFoundError || (err as { code?: number })?.code === 5 || /not found/i.test((err as Error)?.message ?? '');

/** One run's archived history, or null when it was never archived. Refuses tampered bytes. */
export async function archivedHistory(prisma: PrismaClient, workflowId: string, runId?: string): Promise<THistory | null> {
  const row = await prisma.workflowHistoryArchive.findFirst({
    where: { workflowId, ...(runId ? { runId } : {}) },
    orderBy: { closedAt: 'desc' },
  });
  return row ? parseArchivedHistory(row) : null;
}

/**
 * A run's history (the latest run when runId is omitted): from Temporal, or from the archive when
 * Temporal no longer has it. Null when neither has it.
 */
export async function historyOf(src: HistorySources, workflowId: string, runId?: string): Promise<{ history: THistory; source: 'temporal' | 'archive' } | null> {
  try {
    return { history: await src.temporal.workflow.getHandle(workflowId, runId).fetchHistory(), source: 'temporal' };
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  const history = await archivedHistory(src.prisma, workflowId, runId);
  return history ? { history, source: 'archive' } : null;
}

/**
 * Every run of a workflow id, oldest first (a continued-as-new programme has several): Temporal's
 * runs and the archive's, merged by run id.
 */
export async function runsOf(src: HistorySources, workflowId: string): Promise<StoredRun[]> {
  const runs = new Map<string, StoredRun>();
  const archived = await src.prisma.workflowHistoryArchive.findMany({
    where: { workflowId },
    select: { runId: true, workflowType: true, startedAt: true, closedAt: true },
  });
  for (const a of archived) runs.set(a.runId, { workflowId, ...a, source: 'archive' });
  if (!/^[\w.:-]+$/.test(workflowId)) throw new Error(`Unexpected workflow id: ${workflowId}`);
  for await (const wf of src.temporal.workflow.list({ query: `WorkflowId = "${workflowId}"` })) {
    if (runs.has(wf.runId)) continue;
    runs.set(wf.runId, { workflowId, runId: wf.runId, workflowType: wf.type, startedAt: wf.startTime, closedAt: wf.closeTime ?? null, source: 'temporal' });
  }
  return [...runs.values()].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.runId.localeCompare(b.runId));
}
