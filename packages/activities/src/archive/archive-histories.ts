/**
 * Copies closed workflows' histories out of Temporal into PostgreSQL, so audit (history, "as at",
 * determinism replay, board packs) outlives the namespace's retention period.
 *
 * Durable and idempotent: it lists closed executions through Temporal visibility, skips every
 * (workflowId, runId) already archived, and writes each new one once (the unique key turns a
 * concurrent or retried write into a no-op). Running it twice, or alongside itself, archives nothing
 * twice. The stored bytes are Temporal's own history JSON, with their sha256.
 */
import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { PrismaClient } from '@ip/db';

export interface ArchiveOptions {
  /** Only executions on this task queue (tests isolate themselves with their own). */
  taskQueue?: string;
  /** At most this many new histories per run; the next run carries on. */
  limit?: number;
  /** Called after each history is stored (an activity heartbeats here). */
  onProgress?: (archived: number) => void;
}

export interface ArchiveResult {
  /** Closed executions visibility listed. */
  listed: number;
  /** Newly archived by this run. */
  archived: number;
  /** Already in the archive before this run (or written meanwhile by another run). */
  alreadyArchived: number;
}

/** The sha256 (hex) of archived history bytes: the archive's tamper check. */
export function historySha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const SAFE_NAME = /^[\w.:-]+$/;

export async function archiveClosedHistories(prisma: PrismaClient, temporal: Client, opts: ArchiveOptions = {}): Promise<ArchiveResult> {
  if (opts.taskQueue !== undefined && !SAFE_NAME.test(opts.taskQueue)) throw new Error(`Unexpected task queue name: ${opts.taskQueue}`);
  const query = ['ExecutionStatus != "Running"', ...(opts.taskQueue ? [`TaskQueue = "${opts.taskQueue}"`] : [])].join(' AND ');
  const closed = [];
  for await (const wf of temporal.workflow.list({ query })) closed.push(wf);
  const have = new Set(
    (await prisma.workflowHistoryArchive.findMany({ select: { workflowId: true, runId: true } })).map((r) => `${r.workflowId}\u0000${r.runId}`),
  );
  const result: ArchiveResult = { listed: closed.length, archived: 0, alreadyArchived: 0 };
  // Oldest first, so a run cut short by `limit` leaves the newest for the next run.
  closed.sort((a, b) => (a.closeTime?.getTime() ?? 0) - (b.closeTime?.getTime() ?? 0) || a.runId.localeCompare(b.runId));
  for (const wf of closed) {
    if (have.has(`${wf.workflowId}\u0000${wf.runId}`)) {
      result.alreadyArchived++;
      continue;
    }
    if (opts.limit !== undefined && result.archived >= opts.limit) break;
    const history = await temporal.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
    const bytes = Buffer.from(historyToJSON(history), 'utf8');
    const written = await prisma.workflowHistoryArchive.createMany({
      data: [{
        workflowId: wf.workflowId,
        runId: wf.runId,
        workflowType: wf.type,
        status: wf.status.name,
        startedAt: wf.startTime,
        closedAt: wf.closeTime ?? new Date(Number(history.events?.at(-1)?.eventTime?.seconds ?? 0) * 1000),
        eventCount: history.events?.length ?? 0,
        history: bytes,
        sha256: historySha256(bytes),
      }],
      skipDuplicates: true,
    });
    if (written.count === 1) result.archived++;
    else result.alreadyArchived++;
    opts.onProgress?.(result.archived);
  }
  return result;
}
