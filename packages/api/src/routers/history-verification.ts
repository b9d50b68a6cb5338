/**
 * "Verify all histories" (issue 6, determinism replay): every stored history replayed against the
 * current workflow code on the worker, with progress and every mismatch. Auditors may run it: it
 * changes no domain data (it writes only its own job row). Starting it is a mutation all the same
 * (it starts work, so it is Origin-checked like every command); `follow` streams its progress.
 */
import { TRPCError } from '@trpc/server';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { ZHistoryMismatch, ZHistoryVerificationIdInput, ZRunHistoryVerificationInput, type THistoryMismatch } from '@ip/domain';
import { historyVerificationWorkflowId, TASK_QUEUE, type HistoryVerificationWorkflowArgs } from '@ip/workflows/definitions';
import type { Prisma } from '@ip/db';
import { toUserError } from '../errors.js';
import { commandKey, workflowCommand } from '../receipts.js';
import { procedure, READERS, router } from '../trpc.js';

export interface HistoryVerificationJob {
  id: string;
  status: 'running' | 'passed' | 'failed' | 'error';
  total: number;
  done: number;
  mismatches: THistoryMismatch[];
  error: string | null;
  requestedBy: string;
  startedAt: string;
  finishedAt: string | null;
}

type Row = Prisma.HistoryVerificationGetPayload<object>;
const toJob = (r: Row): HistoryVerificationJob => ({
  id: r.id,
  status: r.status as HistoryVerificationJob['status'],
  total: r.total,
  done: r.done,
  mismatches: ZHistoryMismatch.array().catch([]).parse(r.mismatches),
  error: r.error,
  requestedBy: r.requestedBy,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
});

const POLL_MS = 500;
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((ok) => {
    const t = setTimeout(ok, ms);
    signal?.addEventListener('abort', () => { clearTimeout(t); ok(); }, { once: true });
  });

export const historyVerificationRouter = router({
  /**
   * Starts a run and answers with its job. A mutation (it starts work), so it is refused cross-site
   * like every command; once per request id (the job id is derived from it, so a retry follows the
   * same run). `follow` streams the job's progress.
   */
  run: procedure(READERS)
    .input(ZRunHistoryVerificationInput)
    .mutation(({ ctx, input, path }) =>
      workflowCommand(ctx, commandKey(ctx, path, input), async () => {
        const id = `verify-${input.clientRequestId}`;
        const { count: created } = await ctx.prisma.historyVerification.createMany({ data: [{ id, requestedBy: ctx.user.id, status: 'running' }], skipDuplicates: true });
        const args: HistoryVerificationWorkflowArgs = { jobId: id, ...(ctx.taskQueue ? { taskQueue: ctx.taskQueue } : {}) };
        try {
          await ctx.temporal.workflow.start('historyVerificationWorkflow', { workflowId: historyVerificationWorkflowId(id), taskQueue: ctx.taskQueue ?? TASK_QUEUE, args: [args], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) {
            // The run did not start: the caller is told so, and keeps nothing but a pending claim to retry.
            if (created === 1) await ctx.prisma.historyVerification.deleteMany({ where: { id, status: 'running', done: 0 } }).catch(() => undefined);
            throw toUserError(err);
          }
        }
        return { data: toJob(await ctx.prisma.historyVerification.findUniqueOrThrow({ where: { id } })) };
      }),
    ),
  /** Yields the job after each change until it finishes. Read only: leaving early does not stop the run. */
  follow: procedure(READERS)
    .input(ZHistoryVerificationIdInput)
    .subscription(async function* ({ ctx, input, signal }) {
      let last = '';
      while (!signal?.aborted) {
        // A subscription's errors bypass the userErrors middleware: map them here (DB down → SERVICE_UNAVAILABLE).
        const row = await ctx.prisma.historyVerification.findUnique({ where: { id: input.id } }).catch((err: unknown) => { throw toUserError(err); });
        if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `id: no verification run ${input.id}` });
        const job = toJob(row);
        const key = `${job.status}/${job.done}/${job.total}/${job.mismatches.length}`;
        if (key !== last) {
          last = key;
          yield job;
        }
        if (job.status !== 'running') return;
        await sleep(POLL_MS, signal);
      }
    }),
  get: procedure(READERS)
    .input(ZHistoryVerificationIdInput)
    .query(async ({ ctx, input }) => {
      const row = await ctx.prisma.historyVerification.findUnique({ where: { id: input.id } });
      if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `id: no verification run ${input.id}` });
      return { data: toJob(row) };
    }),
  /** The most recent run, or null if none has run yet. */
  latest: procedure(READERS).query(async ({ ctx }) => {
    const row = await ctx.prisma.historyVerification.findFirst({ orderBy: { startedAt: 'desc' } });
    return { data: row ? toJob(row) : null };
  }),
});
