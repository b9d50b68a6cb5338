/**
 * The history archive (issue 6: histories outlive Temporal retention). An admin can archive now;
 * the hourly Schedule does the same on its own. Everyone signed in can see what is archived.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { ZListHistoryArchiveInput, ZRunHistoryArchiveInput } from '@ip/domain';
import { TASK_QUEUE, type HistoryArchiveWorkflowArgs } from '@ip/workflows/definitions';
import type { ArchiveResult } from '@ip/activities';
import { recordAudit } from '../audit.js';
import { ensureHistoryArchiveSchedule } from '../audit/archive-schedule.js';
import { commandKey, workflowCommand } from '../receipts.js';
import { procedure, READERS, router } from '../trpc.js';

/** How long the command waits for the archive run before answering "still running". */
const WAIT_MS = 60_000;

export const historyArchiveRouter = router({
  /**
   * Admin: archive every closed workflow not yet archived. The workflow id is the client's request
   * id, so a retried command follows the same run instead of starting another.
   */
  run: procedure(['admin'])
    .input(ZRunHistoryArchiveInput)
    .mutation(({ ctx, input, path }) =>
      workflowCommand(ctx, commandKey(ctx, path, input), async () => {
        const taskQueue = ctx.taskQueue ?? TASK_QUEUE;
        await ensureHistoryArchiveSchedule(ctx.temporal, taskQueue);
        const workflowId = `history-archive-manual-${input.clientRequestId}`;
        const args: HistoryArchiveWorkflowArgs = ctx.taskQueue ? { taskQueue: ctx.taskQueue } : {};
        let started = true;
        try {
          // REJECT_DUPLICATE: a retry after the run finished must not start a second one.
          await ctx.temporal.workflow.start('historyArchiveWorkflow', { workflowId, taskQueue, args: [args], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
          started = false;
        }
        if (started) {
          await ctx.prisma.$transaction((tx) =>
            recordAudit(tx, ctx.user, { entity: 'history_archive', entityId: workflowId, action: 'run', reason: input.reason }),
          );
        }
        const result = await Promise.race([
          ctx.temporal.workflow.getHandle(workflowId).result() as Promise<ArchiveResult>,
          new Promise<null>((ok) => setTimeout(() => ok(null), WAIT_MS).unref()),
        ]);
        return { workflowId, status: result ? ('completed' as const) : ('running' as const), result };
      }),
    ),
  /** The archived runs (without their bytes), newest closed first. */
  list: procedure(READERS)
    .input(ZListHistoryArchiveInput)
    .query(async ({ ctx, input }) => {
      const where = { ...(input.workflowId ? { workflowId: input.workflowId } : {}), ...(input.workflowType ? { workflowType: input.workflowType } : {}) };
      const [rows, total] = await Promise.all([
        ctx.prisma.workflowHistoryArchive.findMany({
          where,
          select: { id: true, workflowId: true, runId: true, workflowType: true, status: true, startedAt: true, closedAt: true, eventCount: true, sha256: true, archivedAt: true },
          orderBy: [{ closedAt: 'desc' }, { runId: 'asc' }],
          skip: (input.page - 1) * input.perPage,
          take: input.perPage,
        }),
        ctx.prisma.workflowHistoryArchive.count({ where }),
      ]);
      return { data: rows, total };
    }),
});
