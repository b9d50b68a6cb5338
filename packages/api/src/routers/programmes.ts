import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { ZStartProgrammeInput } from '@ip/domain';
import { programmeStateQuery, programmeWorkflowId, TASK_QUEUE, type ProgrammeWorkflowArgs } from '@ip/workflows/definitions';
import { insertStartedProgramme, startedProgrammeRow } from '@ip/activities';
import { initialProgrammeState } from '@ip/workflows/events';
import type { WorkflowWording } from '../errors.js';
import { ensureKpiReturnSchedule } from '../kpi-schedule.js';
import { MANAGERS, procedure, READERS, router } from '../trpc.js';
import { listParams, orderBy, page, parseFilter, ZGetMany, ZGetOne } from './list-params.js';
import { commandKey, workflowCommand } from '../receipts.js';
import { fieldError } from '../errors.js';
import { programmeCommands } from './programme-commands.js';
import { toProgrammeRecord, type ProgrammeRow } from './programme-record.js';
import { startedByRequest, startOnce, waitForProjection } from './workflow-support.js';
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
  .object({ q: z.string().max(200).optional(), phase: z.string().max(64).optional(), authorityId: z.string().max(64).optional() });

const WORDING: WorkflowWording = { notFound: 'No such programme', closed: 'This programme has closed' };

export const programmesRouter = router({
  getList: procedure(READERS)
    .input(listParams(ZProgrammeFilter))
    .query(async ({ ctx, input }) => {
      const f = parseFilter(ZProgrammeFilter, input.filter);
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
  /**
   * Starts a programme and answers with it as it starts: the API writes that first row itself, so
   * the reply does not wait for the worker, and the workflow creates its KPI-return Schedule. Once
   * per client request id (receipts.ts; the workflow's memo recognises a retry after a crash).
   */
  create: procedure(MANAGERS)
    .input(ZStartProgrammeInput)
    .mutation(({ ctx, input, path }) => {
      const { clientRequestId } = input;
      // Read while the request id is claimed (independent): the authority with its programmes (ids
      // and phases: the open one, if any, and the next cycle).
      const found = ctx.prisma.localAuthority.findUnique({ where: { onsCode: input.onsCode }, include: { programmes: { select: { id: true, phase: true } } } });
      found.catch(() => undefined); // awaited below; a replayed receipt never looks
      return workflowCommand(ctx, commandKey(ctx, path, input), async ({ resumed }) => {
        const authority = await found;
        if (!authority) throw fieldError(['onsCode'], `no authority with ONS code ${input.onsCode}`);
        const answer = (row: ProgrammeRow) => ({ data: toProgrammeRecord(row, ctx.now()) });
        const open = authority.programmes.find((p) => p.phase !== 'closed');
        if (open) {
          // A retry of the create that started it (the first attempt died before recording its
          // receipt, e.g. the API was killed): the same effect, so answer with it. Only a retry (a
          // pending receipt) can be; a first attempt does not ask Temporal.
          if (resumed && (await startedByRequest(ctx, open.id, clientRequestId))) {
            // Programmes started before the workflow created its own schedule: make sure of it here.
            await ensureKpiReturnSchedule(ctx.temporal, open.id, ctx.taskQueue ?? TASK_QUEUE);
            return answer(await ctx.prisma.programme.findUniqueOrThrow({ where: { id: open.id }, include: { authority: true } }));
          }
          throw new TRPCError({ code: 'CONFLICT', message: `${authority.name} already has an open programme (${open.id})` });
        }
        const cycle = authority.programmes.length + 1;
        const id = programmeWorkflowId(authority.onsCode, cycle);
        const args: ProgrammeWorkflowArgs = {
          programmeId: id,
          onsCode: authority.onsCode,
          authorityName: authority.name,
          cycle,
          actor: { userId: ctx.user.id, role: ctx.user.role, name: ctx.user.name },
          reason: input.reason,
        };
        // 'existing': another request, or a deployment this database does not know, started it.
        const started = await startOnce(ctx, 'programmeWorkflow', id, args, WORDING, clientRequestId);
        if (started === 'existing') {
          // Not ours: answer with its row once it is there, or say why it is not (CONFLICT).
          const find = () => ctx.prisma.programme.findUnique({ where: { id }, include: { authority: true } });
          return answer(await waitForProjection(ctx, id, find, 'programme', { started }));
        }
        // The workflow has started (durable). The programme as it starts, from the same domain function
        // the workflow uses, at stateVersion 0: the worker's own first projection (version 1) supersedes
        // it whichever lands first. The receipt is completed after this row is in.
        const row = startedProgrammeRow({ ...initialProgrammeState(args, Date.now()), version: 0 }, authority.id);
        await insertStartedProgramme(ctx.prisma, row);
        return { data: toProgrammeRecord({ ...row, authority }, ctx.now()) };
      });
    }),
  ...programmeCommands,
});
