import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { ZStartProgrammeInput } from '@ip/domain';
import { programmeStateQuery, programmeWorkflowId, TASK_QUEUE, type ProgrammeWorkflowArgs } from '@ip/workflows/definitions';
import { projectProgrammeState } from '@ip/activities';
import { initialProgrammeState } from '@ip/workflows/events';
import type { WorkflowWording } from '../errors.js';
import { ensureKpiReturnSchedule } from '../kpi-schedule.js';
import { MANAGERS, procedure, READERS, router } from '../trpc.js';
import { orderBy, page, ZGetMany, ZGetOne, ZListParams } from './list-params.js';
import { withReceipt } from '../receipts.js';
import type { Context } from '../context.js';
import { fieldError } from '../errors.js';
import { programmeCommands } from './programme-commands.js';
import { toProgrammeRecord } from './programme-record.js';
import { startOnce, waitForProjection } from './workflow-support.js';
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

const WORDING: WorkflowWording = { notFound: 'No such programme', closed: 'This programme has closed' };

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
          throw fieldError(['onsCode'], `no authority with ONS code ${input.onsCode}`);
        }
        const open = await ctx.prisma.programme.findFirst({
          where: { authorityId: authority.id, phase: { not: 'closed' } },
          include: { authority: true },
        });
        if (open) {
          // A retry of the create that started it (the first attempt died before storing its
          // receipt, e.g. the API was killed): the same effect, so answer with it.
          if (await startedByRequest(ctx.temporal, open.id, input.clientRequestId)) {
            await ensureKpiReturnSchedule(ctx.temporal, open.id, ctx.taskQueue ?? TASK_QUEUE);
            return { data: toProgrammeRecord(open, ctx.now()) };
          }
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
        // 'existing': a retry of this command started it (the first attempt died before answering),
        // another request started it first, or the id belongs to a workflow this database does not know.
        const started = await startOnce(ctx, 'programmeWorkflow', id, args, WORDING, { memo: { clientRequestId: input.clientRequestId } });
        const find = () => ctx.prisma.programme.findUnique({ where: { id }, include: { authority: true } });
        if (started === 'existing' && !(await startedByRequest(ctx.temporal, id, input.clientRequestId))) {
          // Not ours: answer with its row once it is there, or say why it is not (CONFLICT).
          const row = await waitForProjection(ctx, id, find, 'programme', { started });
          return { data: toProgrammeRecord(row, ctx.now()) };
        }
        // The workflow is started (durable): show it at once instead of waiting for the worker.
        await projectInitialState(ctx, args);
        const row = await find();
        if (!row) throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'The programme started but could not be read back; refresh in a moment.' });
        return { data: toProgrammeRecord(row, ctx.now()) };
      }),
    ),
  ...programmeCommands,
});

/**
 * Writes the read-model row of a just-started programme: the state the workflow starts from (the
 * same domain function computes it), at stateVersion 0, so the worker's own first projection
 * (version 1, workflow time) supersedes it through the monotonic write, whichever lands first.
 */
async function projectInitialState(ctx: Context, args: ProgrammeWorkflowArgs): Promise<void> {
  await projectProgrammeState(ctx.prisma, { ...initialProgrammeState(args, Date.now()), version: 0 });
}

/** Whether the programme workflow `id` was started by the create command with this request id. */
async function startedByRequest(temporal: Context['temporal'], id: string, clientRequestId: string): Promise<boolean> {
  const described = await temporal.workflow.getHandle(id).describe().catch(() => null);
  return described?.memo?.clientRequestId === clientRequestId;
}
