/**
 * Action commands, generated from their declarations (domain action/declarations.ts): one procedure
 * per command, open to the roles the declaration names, parsing the command's zod input
 * (ZActionCommands), then sending the declared Update to the action's workflow with an Update id
 * derived from the client request id, once per request id (receipts.ts: a retried command has one
 * effect and gets the first answer). The workflow's validator rejects what the domain forbids (an
 * extension approved by the person who asked, sign-off without evidence, ...) as PRECONDITION_FAILED
 * with the reason; an action that is signed off or cancelled has finished, and says so.
 */
import type { UpdateDefinition } from '@temporalio/client';
import { ACTION_COMMAND_NAMES, ACTION_COMMANDS, ZActionCommands, type TActionCommandName } from '@ip/domain';
import { ACTION_UPDATES } from '@ip/workflows/definitions';
import type { Context } from '../context.js';
import type { WorkflowWording } from '../errors.js';
import { procedure } from '../trpc.js';
import { toActionRecord } from './action-record.js';
import { programmeSettingsOf } from './programme-settings.js';
import { notFound } from './register-support.js';
import { actorOf, updateCommand } from './workflow-support.js';

export const ACTION_WORDING: WorkflowWording = {
  notFound: 'No such action',
  closed: 'This action is closed (signed off or cancelled)',
};

type CommandInput = { actionId: string; clientRequestId: string; reason: string };
type Input<K extends TActionCommandName> = (typeof ZActionCommands)[K]['input'];

/** The procedure of one declared command. */
function actionCommand<K extends TActionCommandName>(name: K) {
  const fromSettings = FROM_SETTINGS[name];
  const update = ACTION_UPDATES[name] as UpdateDefinition<unknown, [unknown], string>;
  return procedure(ACTION_COMMANDS[name].roles)
    .input(ZActionCommands[name].input as Input<K>)
    .mutation(async ({ ctx, input, path }) => {
      const { actionId, clientRequestId: _id, ...payload } = input as unknown as CommandInput & Record<string, unknown>;
      const wording = { ...ACTION_WORDING, notFound: `No action with id ${actionId}` };
      const settings = fromSettings ? await fromSettings(ctx, actionId) : {};
      const target = { workflowId: actionId, update, arg: { ...payload, ...settings, actor: actorOf(ctx.user) }, wording };
      return updateCommand(ctx, { path, input }, target, async () => {
        // The workflow projects before the Update returns, so the row already shows this command.
        const row = await ctx.prisma.action.findUnique({ where: { id: actionId } });
        if (!row) throw notFound('action', actionId);
        return { data: toActionRecord(row, ctx.now()) };
      });
    });
}

/**
 * The programme's sign-off rule in force now, sent with the sign-off so the workflow applies it and
 * its history records it (a later change of setting does not rewrite past sign-offs).
 */
async function signOffRule(ctx: Context, actionId: string): Promise<{ separateDuties: boolean }> {
  const action = await ctx.prisma.action.findUnique({ where: { id: actionId }, select: { programmeId: true } });
  return { separateDuties: action ? (await programmeSettingsOf(ctx.prisma, action.programmeId)).signOffSeparation : true };
}

/** Fields the server adds from the programme's settings (never from the client), by command. */
const FROM_SETTINGS: Partial<Record<TActionCommandName, (ctx: Context, actionId: string) => Promise<Record<string, unknown>>>> = {
  signOff: signOffRule,
};

/** One procedure per declared command, under the command's name (actions.updateProgress, ...). */
export const actionCommands = Object.fromEntries(ACTION_COMMAND_NAMES.map((name) => [name, actionCommand(name)])) as {
  [K in TActionCommandName]: ReturnType<typeof actionCommand<K>>;
};
