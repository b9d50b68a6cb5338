/**
 * Improvement-plan actions (BRIEF (c) "Action"): one actionWorkflow each, projected to the Action
 * table. Reads come from the projection with the RAG and flags recomputed for "now"; `create` starts
 * the workflow once per client request; every other change is a workflow Update (action-commands.ts).
 */
import { z } from 'zod';
import type { Prisma } from '@ip/db';
import { ACTION_LADDER_KEY, ZActionRag, ZActionStatus, ZCreateActionInput, ZProgrammeState, type TActionRag, type TActionStatus } from '@ip/domain';
import { actionWorkflowId, type ActionWorkflowArgs } from '@ip/workflows/definitions';
import type { Context } from '../context.js';
import { withReceipt } from '../receipts.js';
import { MANAGERS, procedure, READERS, router } from '../trpc.js';
import { actionCommands, ACTION_WORDING } from './action-commands.js';
import { ACTION_ROW_COLUMNS, RAG_SEVERITY, toActionListRecord, toActionRecord, type ActionListRecord } from './action-record.js';
import { orderBy, page, parseFilter, referenceAsList, ZGetMany, ZGetManyReference, ZGetOne, ZListParams, type TListParams } from './list-params.js';
import { notFound, requireProgramme } from './register-support.js';
import { actorOf, requestKey, startOnce, waitForProjection } from './workflow-support.js';
export type { ActionListRecord, ActionRecord } from './action-record.js';

/** Sortable fields and their columns. `workingDaysLeft` orders exactly as the due date does. */
const SORTABLE = {
  id: 'id', title: 'title', workstream: 'workstream', owner: 'ownerName', ownerName: 'ownerName', status: 'status',
  dueOn: 'dueOn', dueAt: 'dueOn', workingDaysLeft: 'dueOn', percentComplete: 'percentComplete', lastUpdateOn: 'lastUpdateOn',
  ofstedLinked: 'ofstedLinked', createdAt: 'createdAt', updatedAt: 'updatedAt',
} as const;

const ZFlag = z.union([z.boolean(), z.stringbool()]);
const oneOrMore = <T extends z.ZodType>(s: T) => z.union([s, z.array(s).min(1).max(10)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);

const ZActionFilter = z
  .object({
    programmeId: z.string().max(200).optional(),
    workstream: z.string().max(200).optional(),
    /** Part of the owner's name or email. */
    owner: z.string().max(200).optional(),
    rag: oneOrMore(ZActionRag).optional(),
    status: oneOrMore(ZActionStatus).optional(),
    overdue: ZFlag.optional(),
    stale: ZFlag.optional(),
    chronicAmber: ZFlag.optional(),
    awaitingSignOff: ZFlag.optional(),
    ofstedLinked: ZFlag.optional(),
    q: z.string().max(200).optional(),
  })
  .passthrough();
type TActionFilter = z.infer<typeof ZActionFilter>;

/** The status a RAG implies, so SQL can narrow a RAG filter before the live rules run. */
const STATUS_OF_RAG: Record<TActionRag, TActionStatus> = {
  red: 'open', amber: 'open', green: 'open', awaiting_sign_off: 'awaiting_sign_off', complete: 'complete', cancelled: 'cancelled',
};

function whereOf(f: TActionFilter, now: Date): Prisma.ActionWhereInput {
  const contains = (q: string) => ({ contains: q, mode: 'insensitive' as const });
  const overdue: Prisma.ActionWhereInput = { status: 'open', dueAt: { lte: now } };
  const and: Prisma.ActionWhereInput[] = [];
  if (f.programmeId) and.push({ programmeId: f.programmeId });
  if (f.workstream) and.push({ workstream: f.workstream });
  if (f.owner) and.push({ OR: [{ ownerName: contains(f.owner) }, { ownerEmail: contains(f.owner) }] });
  if (f.q) and.push({ title: contains(f.q) });
  if (f.status) and.push({ status: { in: f.status } });
  if (f.ofstedLinked !== undefined) and.push({ ofstedLinked: f.ofstedLinked });
  if (f.awaitingSignOff !== undefined) and.push(f.awaitingSignOff ? { status: 'awaiting_sign_off' } : { status: { not: 'awaiting_sign_off' } });
  if (f.overdue !== undefined) and.push(f.overdue ? overdue : { NOT: overdue });
  // Live filters, narrowed here by what they imply: a RAG its status, a flag an open action.
  if (f.rag) and.push({ status: { in: [...new Set(f.rag.map((r) => STATUS_OF_RAG[r]))] } });
  if (f.stale || f.chronicAmber) and.push({ status: 'open' });
  return { AND: and };
}

/** RAG and flags depend on the clock, not only on the row: filter (and rank by RAG) after computing them. */
function liveFilter(f: TActionFilter): ((r: ActionListRecord) => boolean) | null {
  if (!f.rag && f.stale === undefined && f.chronicAmber === undefined) return null;
  return (r) =>
    (!f.rag || f.rag.includes(r.rag)) &&
    (f.stale === undefined || r.stale === f.stale) &&
    (f.chronicAmber === undefined || r.chronicAmber === f.chronicAmber);
}

async function list(ctx: Context, input: TListParams) {
  const f = parseFilter(ZActionFilter, input.filter);
  const nowMs = ctx.now();
  const where = whereOf(f, new Date(nowMs));
  const byRag = input.sort.field === 'rag';
  const sort = [byRag ? { dueOn: 'asc' as const } : orderBy(input.sort, SORTABLE, 'dueOn'), { id: 'asc' as const }];
  const keep = liveFilter(f);
  if (!keep && !byRag) {
    const [rows, total] = await Promise.all([
      ctx.prisma.action.findMany({ where, orderBy: sort, ...page(input.pagination), select: ACTION_ROW_COLUMNS }),
      ctx.prisma.action.count({ where }),
    ]);
    return { data: rows.map((r) => toActionListRecord(r, nowMs)), total };
  }
  // Every candidate SQL could not rule out; a programme's plan is hundreds of actions, not millions.
  const rows = await ctx.prisma.action.findMany({ where, orderBy: sort, select: ACTION_ROW_COLUMNS });
  let records = rows.map((r) => toActionListRecord(r, nowMs));
  if (keep) records = records.filter(keep);
  if (byRag) {
    const dir = input.sort.order === 'ASC' ? 1 : -1;
    records.sort((a, b) => dir * (RAG_SEVERITY[a.rag] - RAG_SEVERITY[b.rag]));
  }
  const { skip, take } = page(input.pagination);
  return { data: records.slice(skip, skip + take), total: records.length };
}

/**
 * The programme's admin configuration as last projected: the action ladder (under ACTION_LADDER_KEY)
 * and calendar overrides a new action inherits. Null for a programme not yet projected in full.
 */
async function programmeConfig(ctx: Context, programmeId: string) {
  const row = await ctx.prisma.programme.findUnique({ where: { id: programmeId }, select: { state: true } });
  const parsed = ZProgrammeState.shape.config.safeParse((row?.state as { config?: unknown } | null)?.config);
  return parsed.success ? parsed.data : null;
}

export const actionsRouter = router({
  getList: procedure(READERS).input(ZListParams).query(({ ctx, input }) => list(ctx, input)),
  getManyReference: procedure(READERS)
    .input(ZGetManyReference(['programmeId', 'workstream']))
    .query(({ ctx, input }) => list(ctx, referenceAsList(input))),
  getOne: procedure(READERS)
    .input(ZGetOne)
    .query(async ({ ctx, input }) => {
      const row = await ctx.prisma.action.findUnique({ where: { id: input.id } });
      if (!row) throw notFound('action', input.id);
      return { data: toActionRecord(row, ctx.now()) };
    }),
  getMany: procedure(READERS)
    .input(ZGetMany)
    .query(async ({ ctx, input }) => {
      const rows = await ctx.prisma.action.findMany({ where: { id: { in: input.ids } } });
      return { data: rows.map((r) => toActionRecord(r, ctx.now())) };
    }),
  /**
   * Adds an action to a programme's plan: starts its workflow (id from the client request id, so a
   * retry finds the same one) and returns the record once the worker has projected it.
   */
  create: procedure(MANAGERS)
    .input(ZCreateActionInput)
    .mutation(({ ctx, input }) =>
      withReceipt(ctx, 'actions.create', input.clientRequestId, async () => {
        const { clientRequestId, reason, ...definition } = input;
        await requireProgramme(ctx.prisma, definition.programmeId);
        const id = actionWorkflowId(definition.programmeId, requestKey(clientRequestId));
        const config = await programmeConfig(ctx, definition.programmeId);
        const ladder = config?.ladders[ACTION_LADDER_KEY];
        const args: ActionWorkflowArgs = {
          definition, actor: actorOf(ctx.user), reason,
          ...(ladder ? { ladder } : {}),
          ...(config?.calendarOverrides ? { calendarOverrides: config.calendarOverrides } : {}),
        };
        const started = await startOnce(ctx, 'actionWorkflow', id, args, ACTION_WORDING);
        const row = await waitForProjection(ctx, id, () => ctx.prisma.action.findUnique({ where: { id } }), 'action', { started });
        return { data: toActionRecord(row, ctx.now()) };
      }),
    ),
  ...actionCommands,
});
