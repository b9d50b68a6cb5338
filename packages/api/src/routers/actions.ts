/**
 * Improvement-plan actions (BRIEF (c) "Action"): one actionWorkflow each, projected to the Action
 * table. Reads come from the projection with the RAG and flags recomputed for "now"; `create` starts
 * the workflow once per client request; every other change is a workflow Update (action-commands.ts).
 */
import { ACTION_LADDER_KEY, ZCreateActionInput, ZProgrammeState } from '@ip/domain';
import { actionWorkflowId, type ActionWorkflowArgs } from '@ip/workflows/definitions';
import type { Context } from '../context.js';
import { commandKey, workflowCommand } from '../receipts.js';
import { MANAGERS, procedure, READERS, router } from '../trpc.js';
import { actionCommands, ACTION_WORDING } from './action-commands.js';
import { listActions, ZActionFilter } from './action-list.js';
import { toActionRecord } from './action-record.js';
import { listParams, referenceAsList, ZGetMany, ZGetManyReference, ZGetOne } from './list-params.js';
import { notFound, requireProgramme } from './register-support.js';
import { actorOf, requestKey, startOnce, waitForProjection } from './workflow-support.js';
export type { ActionListRecord, ActionRecord } from './action-record.js';

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
  getList: procedure(READERS).input(listParams(ZActionFilter)).query(({ ctx, input }) => listActions(ctx, input)),
  getManyReference: procedure(READERS)
    .input(ZGetManyReference(['programmeId', 'workstream'], ZActionFilter))
    .query(({ ctx, input }) => listActions(ctx, referenceAsList(input))),
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
    .mutation(({ ctx, input, path }) =>
      workflowCommand(ctx, commandKey(ctx, path, input), async () => {
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
        const started = await startOnce(ctx, 'actionWorkflow', id, args, ACTION_WORDING, clientRequestId);
        const row = await waitForProjection(ctx, id, () => ctx.prisma.action.findUnique({ where: { id } }), 'action', { started });
        return { data: toActionRecord(row, ctx.now()) };
      }),
    ),
  ...actionCommands,
});
