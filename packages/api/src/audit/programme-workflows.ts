/**
 * A programme and the child workflows that belong to it, found through the read model: its actions
 * (action table), its monitoring visits, interventions and information requests (lifecycle_record),
 * and any visit the programme's own history scheduled.
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import type { PrismaClient } from '@ip/db';
import type { HistorySource, WorkflowHistory } from './history-source.js';

export async function programmeWorkflowIds(prisma: PrismaClient, programmeId: string): Promise<string[]> {
  const [actions, records] = await Promise.all([
    prisma.action.findMany({ where: { programmeId }, select: { id: true }, orderBy: { id: 'asc' } }),
    prisma.lifecycleRecord.findMany({ where: { programmeId }, select: { id: true }, orderBy: { id: 'asc' } }),
  ]);
  return [programmeId, ...actions.map((a) => a.id), ...records.map((r) => r.id)];
}

function isNotFound(err: unknown): boolean {
  return err instanceof WorkflowNotFoundError || (err as { name?: string })?.name === 'WorkflowNotFoundError' || (err as { code?: number })?.code === 5;
}

/** Fetches each history (a few at a time); a workflow the source no longer has is left out. */
export async function fetchHistories(source: HistorySource, ids: readonly string[], concurrency = 6): Promise<WorkflowHistory[]> {
  const out = new Array<WorkflowHistory | null>(ids.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      try {
        out[i] = await source.fetch(ids[i]!);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  return out.filter((h): h is WorkflowHistory => h !== null);
}

/** The programme's history and its children's; the programme must exist in the source. */
export async function programmeHistories(prisma: PrismaClient, source: HistorySource, programmeId: string): Promise<WorkflowHistory[]> {
  const programme = await source.fetch(programmeId);
  const ids = (await programmeWorkflowIds(prisma, programmeId)).filter((id) => id !== programmeId);
  const visitIds = new Set<string>();
  for (const run of programme.runs) {
    for (const e of run.history.events ?? []) {
      const id = e.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId;
      if (id && !ids.includes(id)) visitIds.add(id);
    }
  }
  return [programme, ...(await fetchHistories(source, [...ids, ...visitIds]))];
}
