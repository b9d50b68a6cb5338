/**
 * "Verify all histories" (issue 6, determinism replay): every stored history replayed against the
 * current workflow code on the worker, with progress and every mismatch. Auditors may run it: it
 * changes no domain data (it writes only its own job row). Starting is a subscription, not a
 * mutation, for that reason: it streams the job's progress until it finishes.
 */
import { TRPCError } from '@trpc/server';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { ZHistoryMismatch, ZHistoryVerificationIdInput, ZRunHistoryVerificationInput, type THistoryMismatch } from '@ip/domain';
import { historyVerificationWorkflowId, TASK_QUEUE, type HistoryVerificationWorkflowArgs } from '@ip/workflows/definitions';
import type { Prisma } from '@ip/db';
import { isUniqueViolation, toUserError } from '../errors.js';
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
   * Starts a run (the job id is derived from the client's request id, so a retry follows the same
   * run) and yields the job after each change until it finishes. Leaving early does not stop it.
   */
  run: procedure(READERS)
    .input(ZRunHistoryVerificationInput)
    .subscription(async function* ({ ctx, input, signal }) {
      const id = `verify-${input.clientRequestId}`;
      try {
        await ctx.prisma.historyVerification.create({ data: { id, requestedBy: ctx.user.id, status: 'running' } });
      } catch (err) {
        // A subscription's errors bypass the userErrors middleware: map them here (DB down → SERVICE_UNAVAILABLE).
        if (!isUniqueViolation(err)) throw toUserError(err);
      }
      const args: HistoryVerificationWorkflowArgs = { jobId: id, ...(ctx.taskQueue ? { taskQueue: ctx.taskQueue } : {}) };
      try {
        await ctx.temporal.workflow.start('historyVerificationWorkflow', { workflowId: historyVerificationWorkflowId(id), taskQueue: ctx.taskQueue ?? TASK_QUEUE, args: [args], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) {
          await ctx.prisma.historyVerification.updateMany({ where: { id, status: 'running', done: 0 }, data: { status: 'error', error: 'Temporal is unavailable: the run could not start', finishedAt: new Date() } });
          throw toUserError(err);
        }
      }
      let last = '';
      while (!signal?.aborted) {
        const job = toJob(await ctx.prisma.historyVerification.findUniqueOrThrow({ where: { id } }));
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
