import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { PrismaClient } from '@ip/db';
import { ZStartProgrammeInput } from '@ip/domain';
import { programmeStateQuery, programmeWorkflowId, TASK_QUEUE, type ProgrammeWorkflowArgs } from '@ip/workflows/definitions';
import { ensureKpiReturnSchedule } from '../kpi-schedule.js';
import { MANAGERS, procedure, READERS, router } from '../trpc.js';
import { orderBy, page, ZGetMany, ZGetOne, ZListParams } from './list-params.js';
import { withReceipt } from '../receipts.js';
import { programmeCommands } from './programme-commands.js';
import { toProgrammeRecord, type ProgrammeRow } from './programme-record.js';
import { pollForRow } from './workflow-support.js';
export type { ProgrammeRecord } from './programme-record.js';

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

function waitForProjection(prisma: PrismaClient, id: string): Promise<ProgrammeRow | null> {
  return pollForRow(() => prisma.programme.findUnique({ where: { id }, include: { authority: true } }));
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
        // The schedule and the first projection are independent: wait for both at once.
        const [, row] = await Promise.all([
          ensureKpiReturnSchedule(ctx.temporal, id, ctx.taskQueue ?? TASK_QUEUE),
          waitForProjection(ctx.prisma, id),
        ]);
        if (!row) throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'The programme started but the worker has not picked it up yet; refresh in a moment.' });
        return { data: toProgrammeRecord(row, ctx.now()) };
      }),
    ),
  ...programmeCommands,
});
