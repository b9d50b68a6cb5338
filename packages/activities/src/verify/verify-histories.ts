/**
 * "Verify all histories": replays every stored history — the archive in PostgreSQL and every
 * execution Temporal still holds (closed and open) — against the current workflow code with
 * Worker.runReplayHistories, and records every mismatch. A mismatch means the code can no longer
 * reproduce what a workflow did: a running one would fail its next task, and an audit "as at" that
 * workflow rests on code that has moved.
 *
 * Progress goes to the HistoryVerification row as it runs (the console polls it). A history that is
 * both archived and still in Temporal is replayed once, from the archive (the archived copy is the
 * one audit relies on after retention).
 */
import type { Client } from '@temporalio/client';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import type { temporal } from '@temporalio/proto';
import { Worker, type WorkflowBundleOption } from '@temporalio/worker';
import type { Prisma, PrismaClient } from '@ip/db';
import { historySha256 } from '../archive/archive-histories.js';

export interface HistoryMismatch {
  workflowId: string;
  runId: string;
  workflowType: string;
  source: 'archive' | 'temporal';
  error: string;
}

interface Item {
  workflowId: string;
  runId: string;
  workflowType: string;
  source: 'archive' | 'temporal';
  load(): Promise<temporal.api.history.v1.IHistory>;
}

export interface VerifyOptions {
  /** The workflow code to replay against: the worker's own bundle. */
  workflowBundle: WorkflowBundleOption;
  /** Only Temporal executions on this task queue (the archive is always read whole). */
  taskQueue?: string;
  /** Called after each history (an activity heartbeats here). */
  onProgress?: (done: number, total: number) => void;
}

/** Reads an archived history back, refusing one whose bytes no longer match their sha256. */
export function parseArchivedHistory(row: { workflowId: string; runId: string; history: Uint8Array; sha256: string }): temporal.api.history.v1.IHistory {
  if (historySha256(row.history) !== row.sha256) {
    throw new Error(`archived history ${row.workflowId}/${row.runId} does not match its sha256: it was changed after archiving`);
  }
  return historyFromJSON(JSON.parse(Buffer.from(row.history).toString('utf8')));
}

async function collect(prisma: PrismaClient, temporalClient: Client, taskQueue: string | undefined): Promise<Item[]> {
  const archived = await prisma.workflowHistoryArchive.findMany({
    select: { id: true, workflowId: true, runId: true, workflowType: true },
    orderBy: [{ closedAt: 'asc' }, { runId: 'asc' }],
  });
  const items: Item[] = archived.map((a) => ({
    workflowId: a.workflowId,
    runId: a.runId,
    workflowType: a.workflowType,
    source: 'archive' as const,
    load: async () => parseArchivedHistory(await prisma.workflowHistoryArchive.findUniqueOrThrow({ where: { id: a.id } })),
  }));
  const seen = new Set(archived.map((a) => `${a.workflowId}\u0000${a.runId}`));
  if (taskQueue !== undefined && !/^[\w.:-]+$/.test(taskQueue)) throw new Error(`Unexpected task queue name: ${taskQueue}`);
  const live = [];
  for await (const wf of temporalClient.workflow.list(taskQueue ? { query: `TaskQueue = "${taskQueue}"` } : {})) live.push(wf);
  live.sort((a, b) => a.startTime.getTime() - b.startTime.getTime() || a.runId.localeCompare(b.runId));
  for (const wf of live) {
    if (seen.has(`${wf.workflowId}\u0000${wf.runId}`)) continue;
    items.push({
      workflowId: wf.workflowId,
      runId: wf.runId,
      workflowType: wf.type,
      source: 'temporal',
      load: () => temporalClient.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory(),
    });
  }
  return items;
}

/** Replays everything; resolves with the mismatches (an empty list: every history replayed clean). */
export async function verifyAllHistories(
  prisma: PrismaClient,
  temporalClient: Client,
  jobId: string,
  opts: VerifyOptions,
): Promise<HistoryMismatch[]> {
  const items = await collect(prisma, temporalClient, opts.taskQueue);
  const total = items.length;
  await prisma.historyVerification.update({ where: { id: jobId }, data: { total, done: 0, mismatches: [], status: 'running' } });
  const mismatches: HistoryMismatch[] = [];
  // Results come back in the order histories go in; a result is matched to what was fed by its
  // workflow id (a copied history can carry another run's id inside its events).
  const fed: Item[] = [];
  // A history that cannot even be loaded (missing, tampered) is a mismatch too; it is not replayed.
  const loadable = (async function* () {
    for (const item of items) {
      try {
        const history = await item.load();
        fed.push(item);
        yield { workflowId: item.workflowId, history };
      } catch (err) {
        mismatches.push({ ...describe(item), error: `could not read history: ${err instanceof Error ? err.message : String(err)}` });
        await progress();
      }
    }
  })();
  let done = 0;
  let lastWrite = 0;
  async function progress(force = false): Promise<void> {
    done++;
    opts.onProgress?.(done, total);
    if (force || Date.now() - lastWrite > 250 || done === total) {
      lastWrite = Date.now();
      await prisma.historyVerification.update({ where: { id: jobId }, data: { done, mismatches: mismatches as unknown as Prisma.InputJsonValue } });
    }
  }
  for await (const result of Worker.runReplayHistories({ workflowBundle: opts.workflowBundle }, loadable)) {
    const at = fed.findIndex((f) => f.workflowId === result.workflowId);
    const item = at >= 0 ? fed.splice(at, 1)[0]! : { workflowId: result.workflowId, runId: result.runId, workflowType: '?', source: 'temporal' as const };
    if (result.error) mismatches.push({ ...describe(item), error: `${result.error.name}: ${result.error.message}` });
    await progress(Boolean(result.error));
  }
  await prisma.historyVerification.update({
    where: { id: jobId },
    data: { done, total, mismatches: mismatches as unknown as Prisma.InputJsonValue, status: mismatches.length ? 'failed' : 'passed', finishedAt: new Date() },
  });
  return mismatches;
}

const describe = (i: Pick<Item, 'workflowId' | 'runId' | 'workflowType' | 'source'>) => ({
  workflowId: i.workflowId, runId: i.runId, workflowType: i.workflowType, source: i.source,
});
