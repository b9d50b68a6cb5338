/**
 * Action commands, generated from their declarations (domain action/declarations.ts): one procedure
 * per command, open to the roles the declaration names, parsing the command's zod input
 * (ZActionCommands), then sending the declared Update to the action's workflow with an Update id
 * derived from the client request id, once per request id (receipts.ts: a retried command has one
 * effect and gets the first answer). The workflow's validator rejects what the domain forbids (an
 * extension approved by the person who asked, sign-off without evidence, ...) as PRECONDITION_FAILED
 * with the reason; an action that is signed off or cancelled has finished, and says so.
 */
import { ACTION_COMMAND_NAMES, ACTION_COMMANDS, ZActionCommands } from '@ip/domain';
import { ACTION_UPDATES } from '@ip/workflows/definitions';
import type { Context } from '../context.js';
import type { WorkflowWording } from '../errors.js';
import { toActionRecord } from './action-record.js';
import { programmeSettingsOf } from './programme-settings.js';
import { notFound } from './register-support.js';
import { declaredCommandProcedures } from './declared-commands.js';

export const ACTION_WORDING: WorkflowWording = {
  notFound: 'No such action',
  closed: 'This action is closed (signed off or cancelled)',
};

/**
 * The programme's sign-off rule in force now, sent with the sign-off (a server field: never from the
 * client) so the workflow applies it and its history records it (a later change of setting does not
 * rewrite past sign-offs).
 */
async function signOffRule(ctx: Context, actionId: string): Promise<{ separateDuties: boolean }> {
  const action = await ctx.prisma.action.findUnique({ where: { id: actionId }, select: { programmeId: true } });
  return { separateDuties: action ? (await programmeSettingsOf(ctx.prisma, action.programmeId)).signOffSeparation : true };
}

/** One procedure per declared command, under the command's name (actions.updateProgress, ...). */
export const actionCommands = declaredCommandProcedures({
  names: ACTION_COMMAND_NAMES,
  declarations: ACTION_COMMANDS,
  schemas: ZActionCommands,
  updates: ACTION_UPDATES,
  address: ['actionId'],
  target: ({ actionId }) => ({ workflowId: String(actionId), wording: { ...ACTION_WORDING, notFound: `No action with id ${String(actionId)}` } }),
  serverFields: { signOff: signOffRule },
  read: async (ctx, actionId) => {
    // The workflow projects before the Update returns, so the row already shows this command.
    const row = await ctx.prisma.action.findUnique({ where: { id: actionId } });
    if (!row) throw notFound('action', actionId);
    return { data: toActionRecord(row, ctx.now()) };
  },
});
