import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { PrismaClient } from '@ip/db';
import {
  clockViews,
  defaultCalendar,
  ZProgrammeState,
  ZRecordInspectionInput,
  ZStartProgrammeInput,
} from '@ip/domain';
import {
  programmeStateQuery,
  programmeWorkflowId,
  recordInspectionUpdate,
  TASK_QUEUE,
  type ProgrammeWorkflowArgs,
} from '@ip/workflows/definitions';
import { MANAGERS, procedure, READERS, router } from '../trpc.js';
import { orderBy, page, ZGetMany, ZGetOne, ZListParams } from './list-params.js';
import { withReceipt } from '../receipts.js';

type ProgrammeRow = NonNullable<Awaited<ReturnType<PrismaClient['programme']['findFirst']>>> & {
  authority: { name: string; onsCode: string };
};

/** The programme record the console shows: read-model row plus live working-day countdowns. */
export function toProgrammeRecord(row: ProgrammeRow, nowMs: number) {
  const state = ZProgrammeState.parse(row.state);
  const clocks = clockViews(state, nowMs, defaultCalendar());
  const plan = clocks.find((c) => c.name === 'actionPlan');
  return {
    id: row.id,
    authorityId: row.authorityId,
    authorityName: row.authority.name,
    onsCode: row.authority.onsCode,
    cycle: row.cycle,
    phase: state.phase,
    grade: state.grade,
    reportReceivedOn: row.reportReceivedOn,
    publishDueOn: row.publishDueOn,
    actionPlanDueOn: row.actionPlanDueOn,
    // Negative once overdue; null when there is no plan clock or the plan went in.
    actionPlanWorkingDaysLeft: plan && plan.status !== 'met' && state.phase === 'action_planning' ? plan.workingDaysLeft : null,
    stateVersion: row.stateVersion,
    startedAt: row.startedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    clocks: clocks.map((c) => ({ ...c, dueAt: new Date(c.dueAt).toISOString() })),
    history: state.history.map((h) => ({ ...h, at: new Date(h.at).toISOString() })),
  };
}
export type ProgrammeRecord = ReturnType<typeof toProgrammeRecord>;

const SORTABLE = {
  id: 'id',
  phase: 'phase',
  grade: 'grade',
  cycle: 'cycle',
  reportReceivedOn: 'reportReceivedOn',
  actionPlanDueOn: 'actionPlanDueOn',
  actionPlanWorkingDaysLeft: 'actionPlanDueOn',
  startedAt: 'startedAt',
  updatedAt: 'updatedAt',
} as const;

const ZProgrammeFilter = z
  .object({ q: z.string().max(200).optional(), phase: z.string().max(64).optional(), authorityId: z.string().max(64).optional() })
  .passthrough();

async function waitForProjection(prisma: PrismaClient, id: string, timeoutMs = 10_000): Promise<ProgrammeRow | null> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await prisma.programme.findUnique({ where: { id }, include: { authority: true } });
    if (row || Date.now() > until) return row;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const programmesRouter = router({
  getList: procedure(READERS)
    .input(ZListParams)
    .query(async ({ ctx, input }) => {
      const f = ZProgrammeFilter.parse(input.filter);
      const where = {
        ...(f.phase ? { phase: f.phase } : {}),
        ...(f.authorityId ? { authorityId: f.authorityId } : {}),
        ...(f.q ? { authority: { name: { contains: f.q, mode: 'insensitive' as const } } } : {}),
      };
      const [rows, total] = await Promise.all([
        ctx.prisma.programme.findMany({ where, include: { authority: true }, orderBy: orderBy(input.sort, SORTABLE, 'id'), ...page(input.pagination) }),
        ctx.prisma.programme.count({ where }),
      ]);
      return { data: rows.map((r) => toProgrammeRecord(r, ctx.now())), total };
    }),
  getOne: procedure(READERS)
    .input(ZGetOne)
    .query(async ({ ctx, input }) => {
      const row = await ctx.prisma.programme.findUnique({ where: { id: input.id }, include: { authority: true } });
      if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `No programme with id ${input.id}` });
      return { data: toProgrammeRecord(row, ctx.now()) };
    }),
  getMany: procedure(READERS)
    .input(ZGetMany)
    .query(async ({ ctx, input }) => {
      const rows = await ctx.prisma.programme.findMany({ where: { id: { in: input.ids } }, include: { authority: true } });
      return { data: rows.map((r) => toProgrammeRecord(r, ctx.now())) };
    }),
  /** The state as the running workflow holds it right now (Temporal is the source of truth). */
  live: procedure(READERS)
    .input(ZGetOne)
    .query(async ({ ctx, input }) => {
      const state = await ctx.temporal.workflow.getHandle(input.id).query(programmeStateQuery);
      return { data: state };
    }),
  create: procedure(MANAGERS)
    .input(ZStartProgrammeInput)
    .mutation(({ ctx, input }) =>
      withReceipt(ctx, 'programmes.create', input.clientRequestId, async () => {
        const authority = await ctx.prisma.localAuthority.findUnique({ where: { onsCode: input.onsCode } });
        if (!authority) {
          throw new TRPCError({ code: 'BAD_REQUEST', message: `onsCode: no authority with ONS code ${input.onsCode}` });
        }
        const open = await ctx.prisma.programme.findFirst({
          where: { authorityId: authority.id, phase: { not: 'closed' } },
        });
        if (open) {
          throw new TRPCError({ code: 'CONFLICT', message: `${authority.name} already has an open programme (${open.id})` });
        }
        const cycle = (await ctx.prisma.programme.count({ where: { authorityId: authority.id } })) + 1;
        const id = programmeWorkflowId(authority.onsCode, cycle);
        const args: ProgrammeWorkflowArgs = {
          programmeId: id,
          onsCode: authority.onsCode,
          authorityName: authority.name,
          cycle,
          actor: { userId: ctx.user.id, role: ctx.user.role, name: ctx.user.name },
          reason: input.reason,
        };
        try {
          await ctx.temporal.workflow.start('programmeWorkflow', {
            workflowId: id,
            taskQueue: ctx.taskQueue ?? TASK_QUEUE,
            args: [args],
          });
        } catch (err) {
          // A concurrent retry of the same command started it first: same effect, so carry on.
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        }
        const row = await waitForProjection(ctx.prisma, id);
        if (!row) throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'The programme started but the worker has not picked it up yet; refresh in a moment.' });
        return { data: toProgrammeRecord(row, ctx.now()) };
      }),
    ),
  recordInspection: procedure(MANAGERS)
    .input(ZRecordInspectionInput)
    .mutation(async ({ ctx, input }) => {
      const handle = ctx.temporal.workflow.getHandle(input.programmeId);
      // The client request id is the Update id: Temporal runs a retried Update once and returns the
      // first result, so a double-click or a network retry records one inspection.
      await handle.executeUpdate(recordInspectionUpdate, {
        updateId: `recordInspection:${input.clientRequestId}`,
        args: [{ actor: { userId: ctx.user.id, role: ctx.user.role, name: ctx.user.name }, reason: input.reason, inspection: input.inspection }],
      });
      const row = await ctx.prisma.programme.findUniqueOrThrow({ where: { id: input.programmeId }, include: { authority: true } });
      return { data: toProgrammeRecord(row, ctx.now()) };
    }),
});
