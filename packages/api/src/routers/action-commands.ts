/**
 * Action commands: each parses its shared zod schema, authorises, then sends the matching Update to
 * the action's workflow with an Update id derived from the client request id, once per request id
 * (receipts.ts: a retried command has one effect and gets the first answer). The workflow's validator rejects what the domain forbids (an extension approved by
 * the person who asked, sign-off without evidence, ...) as PRECONDITION_FAILED with the reason; an
 * action that is signed off or cancelled has finished, and says so.
 */
import type { z } from 'zod';
import type { UpdateDefinition } from '@temporalio/client';
import {
  ZApproveExtensionInput,
  ZAttachEvidenceInput,
  ZCancelActionInput,
  ZRejectExtensionInput,
  ZRequestExtensionInput,
  ZRequestSignOffInput,
  ZSignOffActionInput,
  ZUpdateActionProgressInput,
  type TActionCommandName,
  type TActor,
} from '@ip/domain';
import {
  approveActionExtensionUpdate,
  attachActionEvidenceUpdate,
  cancelActionUpdate,
  rejectActionExtensionUpdate,
  requestActionExtensionUpdate,
  requestActionSignOffUpdate,
  signOffActionUpdate,
  updateActionProgressUpdate,
  type ActionCommand,
} from '@ip/workflows/definitions';
import type { Context } from '../context.js';
import type { WorkflowWording } from '../errors.js';
import { MANAGERS, procedure } from '../trpc.js';
import { toActionRecord } from './action-record.js';
import { programmeSettingsOf } from './programme-settings.js';
import { notFound } from './register-support.js';
import { actorOf, updateCommand } from './workflow-support.js';

export const ACTION_WORDING: WorkflowWording = {
  notFound: 'No such action',
  closed: 'This action is closed (signed off or cancelled)',
};

type CommandInput = { actionId: string; clientRequestId: string; reason: string };
type Payload<S extends z.ZodType<CommandInput>> = Omit<z.infer<S>, 'actionId' | 'clientRequestId'> & { actor: TActor };

/** The schema's payload must be what the Update takes: checked at compile time for each command. */
function actionCommand<S extends z.ZodType<CommandInput>, A extends ActionCommand<TActionCommandName>>(
  schema: S & (Payload<S> extends A ? unknown : never),
  update: UpdateDefinition<unknown, [A], string>,
  /** Fields the server adds from the programme's settings (never from the client). */
  fromSettings?: (ctx: Context, actionId: string) => Promise<Record<string, unknown>>,
) {
  return procedure(MANAGERS)
    .input(schema)
    .mutation(async ({ ctx, input, path }) => {
      const { actionId, clientRequestId: _id, ...payload } = input as CommandInput & Record<string, unknown>;
      const wording = { ...ACTION_WORDING, notFound: `No action with id ${actionId}` };
      const settings = fromSettings ? await fromSettings(ctx, actionId) : {};
      const target = { workflowId: actionId, update: update as UpdateDefinition<unknown, [unknown], string>, arg: { ...payload, ...settings, actor: actorOf(ctx.user) }, wording };
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

export const actionCommands = {
  updateProgress: actionCommand(ZUpdateActionProgressInput, updateActionProgressUpdate),
  attachEvidence: actionCommand(ZAttachEvidenceInput, attachActionEvidenceUpdate),
  requestSignOff: actionCommand(ZRequestSignOffInput, requestActionSignOffUpdate),
  /** `outcome: 'returned'` refuses the sign-off and hands the action back to its owner. */
  signOff: actionCommand(ZSignOffActionInput, signOffActionUpdate, signOffRule),
  requestExtension: actionCommand(ZRequestExtensionInput, requestActionExtensionUpdate),
  /** Must come from someone other than the requester: the workflow refuses otherwise. */
  approveExtension: actionCommand(ZApproveExtensionInput, approveActionExtensionUpdate),
  rejectExtension: actionCommand(ZRejectExtensionInput, rejectActionExtensionUpdate),
  cancel: actionCommand(ZCancelActionInput, cancelActionUpdate),
};
