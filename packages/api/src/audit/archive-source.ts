/**
 * The archive-backed HistorySource: histories from Temporal while it keeps them, from the PostgreSQL
 * archive (WorkflowHistoryArchive) once retention or a deletion has removed them — run by run, so a
 * continue-as-new chain whose oldest runs have expired is still whole. History, "as at", replay and
 * board packs read through it and keep working after Temporal has forgotten a workflow.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { parseArchivedHistory } from '@ip/activities';
import type { PrismaClient } from '@ip/db';
import { runHeader, type HistorySource, type RawHistory, type WorkflowHistory, type WorkflowRun } from './history-source.js';

const isNotFound = (err: unknown): boolean =>
  err instanceof WorkflowNotFoundError || (err as { code?: number })?.code === 5 || /not ?found/i.test((err as Error)?.message ?? '');

export class ArchiveBackedHistorySource implements HistorySource {
  /** Where each run of the last fetch came from (for the report and the tests). */
  readonly sources = new Map<string, 'temporal' | 'archive'>();

  constructor(private readonly prisma: PrismaClient, private readonly client: Client, private readonly maxRuns = 1000) {}

  /** One run: Temporal first, then the archive (its bytes checked against their sha256). */
  async run(workflowId: string, runId: string): Promise<RawHistory | null> {
    try {
      const history = await this.client.workflow.getHandle(workflowId, runId).fetchHistory();
      if (history.events?.length) {
        this.sources.set(runId, 'temporal');
        return history;
      }
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    const row = await this.prisma.workflowHistoryArchive.findUnique({ where: { workflowId_runId: { workflowId, runId } } });
    if (!row) return null;
    this.sources.set(runId, 'archive');
    return parseArchivedHistory(row);
  }

  async fetch(workflowId: string): Promise<WorkflowHistory> {
    let latest: string | null = null;
    try {
      latest = (await this.client.workflow.getHandle(workflowId).describe()).runId;
    } catch (err) {
      if (!isNotFound(err)) throw err;
      const row = await this.prisma.workflowHistoryArchive.findFirst({ where: { workflowId }, orderBy: [{ closedAt: 'desc' }, { archivedAt: 'desc' }], select: { runId: true } });
      latest = row?.runId ?? null;
    }
    if (!latest) throw new WorkflowNotFoundError(`No history for workflow ${workflowId} in Temporal or the archive`, workflowId, undefined);
    const runs: WorkflowRun[] = [];
    for (let runId: string | null = latest; runId && runs.length < this.maxRuns; ) {
      const history = await this.run(workflowId, runId);
      if (!history) break; // older runs expired before archiving: the chain starts here
      runs.unshift({ runId, history });
      runId = runHeader(history).continuedFromRunId;
    }
    return { workflowId, workflowType: runHeader(runs[0]!.history).workflowType, runs };
  }
}
