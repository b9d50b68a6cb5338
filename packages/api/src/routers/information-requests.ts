/**
 * Information requests from committees or named people (LifecycleRecord kind 'information_request'):
 * one informationRequestWorkflow each, open → answered | withdrawn, its due date re-dated by
 * agreement. The workflow reminds before the date and escalates after it (its ladder).
 */
import type { UpdateDefinition } from '@temporalio/client';
import {
  ZAnswerInformationRequestInput,
  ZCreateInformationRequestInput,
  ZExtendInformationRequestInput,
  ZInformationRequestState,
  ZWithdrawInformationRequestInput,
} from '@ip/domain';
import {
  answerInformationRequestUpdate,
  extendInformationRequestDueDateUpdate,
  informationRequestWorkflowId,
  withdrawInformationRequestUpdate,
  type InformationRequestWorkflowArgs,
} from '@ip/workflows/definitions';
import type { WorkflowWording } from '../errors.js';
import { fieldError } from '../errors.js';
import { commandKey, workflowCommand } from '../receipts.js';
import { MANAGERS, procedure, router } from '../trpc.js';
import type { Context, SessionUser } from '../context.js';
import { lifecycleReads, readLifecycleRecord } from './lifecycle-record.js';
import { requireProgramme, type CommandCall } from './register-support.js';
import { actorOf, requestKey, startOnce, updateCommand, waitForProjection } from './workflow-support.js';

const NOUN = 'information request';
const WORDING: WorkflowWording = { notFound: 'No such information request', closed: 'This information request is closed (answered or withdrawn)' };
const reads = lifecycleReads({
  kind: 'information_request', parse: (s) => ZInformationRequestState.parse(s), finalPhases: ['answered', 'withdrawn'], noun: NOUN,
});
export type InformationRequestRecord = ReturnType<typeof reads.toRecord>;

function command<A>(
  ctx: Context & { user: SessionUser },
  call: CommandCall & { input: { requestId: string } },
  update: UpdateDefinition<unknown, [A], string>,
  arg: A,
) {
  const workflowId = call.input.requestId;
  const wording = { ...WORDING, notFound: `No information request with id ${workflowId}` };
  return updateCommand(ctx, call, { workflowId, update, arg, wording }, () => readLifecycleRecord(ctx, reads, workflowId, NOUN));
}

export const informationRequestsRouter = router({
  ...reads.procedures,
  /** Records a request and starts its workflow (id from the client request id: a retry finds the same one). */
  create: procedure(MANAGERS)
    .input(ZCreateInformationRequestInput)
    .mutation(({ ctx, input, path }) =>
      workflowCommand(ctx, commandKey(ctx, path, input), async () => {
        const { clientRequestId, reason, ...fields } = input;
        const authority = await ctx.prisma.localAuthority.findUnique({ where: { onsCode: fields.onsCode }, select: { id: true } });
        if (!authority) throw fieldError(['onsCode'], `No authority with ONS code ${fields.onsCode}`);
        if (fields.programmeId) await requireProgramme(ctx.prisma, fields.programmeId);
        const id = informationRequestWorkflowId(fields.onsCode, requestKey(clientRequestId));
        const args: InformationRequestWorkflowArgs = { ...fields, actor: actorOf(ctx.user), reason };
        const started = await startOnce(ctx, 'informationRequestWorkflow', id, args, WORDING, clientRequestId);
        const row = await waitForProjection(ctx, id, () => ctx.prisma.lifecycleRecord.findUnique({ where: { id } }), NOUN, { started });
        return { data: reads.toRecord(row, ctx.now()) };
      }),
    ),
  answer: procedure(MANAGERS)
    .input(ZAnswerInformationRequestInput)
    .mutation(({ ctx, input, path }) =>
      command(ctx, { path, input }, answerInformationRequestUpdate, { actor: actorOf(ctx.user), reason: input.reason, answeredOn: input.answeredOn, summary: input.summary }),
    ),
  /** The requester agreed a later date: the ladder re-arms for it. */
  extendDueDate: procedure(MANAGERS)
    .input(ZExtendInformationRequestInput)
    .mutation(({ ctx, input, path }) =>
      command(ctx, { path, input }, extendInformationRequestDueDateUpdate, { actor: actorOf(ctx.user), reason: input.reason, newDueOn: input.newDueOn }),
    ),
  withdraw: procedure(MANAGERS)
    .input(ZWithdrawInformationRequestInput)
    .mutation(({ ctx, input, path }) => command(ctx, { path, input }, withdrawInformationRequestUpdate, { actor: actorOf(ctx.user), reason: input.reason })),
});
