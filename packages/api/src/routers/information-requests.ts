/**
 * Information requests from committees or named people (LifecycleRecord kind 'information_request'):
 * one informationRequestWorkflow each, open → answered | withdrawn, its due date re-dated by
 * agreement. The workflow reminds before the date and escalates after it (its ladder).
 *
 * The commands on a request (answer, extendDueDate, withdraw) are generated from their declarations
 * (domain information-request/declarations.ts), as the action's are: one procedure per command, open
 * to the declared roles, parsing the command's zod input (ZInformationRequestCommands), then sending
 * the declared Update with an Update id derived from the client request id, once per request id.
 */
import {
  INFORMATION_REQUEST_COMMAND_NAMES,
  INFORMATION_REQUEST_COMMANDS,
  ZCreateInformationRequestInput,
  ZInformationRequestCommands,
  ZInformationRequestState,
} from '@ip/domain';
import { INFORMATION_REQUEST_UPDATES, informationRequestWorkflowId, type InformationRequestWorkflowArgs } from '@ip/workflows/definitions';
import type { WorkflowWording } from '../errors.js';
import { fieldError } from '../errors.js';
import { commandKey, workflowCommand } from '../receipts.js';
import { MANAGERS, procedure, router } from '../trpc.js';
import { lifecycleReads, readLifecycleRecord } from './lifecycle-record.js';
import { requireProgramme } from './register-support.js';
import { actorOf, requestKey, startOnce, waitForProjection } from './workflow-support.js';
import { declaredCommandProcedures } from './declared-commands.js';

const NOUN = 'information request';
const WORDING: WorkflowWording = { notFound: 'No such information request', closed: 'This information request is closed (answered or withdrawn)' };
const reads = lifecycleReads({
  kind: 'information_request', parse: (s) => ZInformationRequestState.parse(s), finalPhases: ['answered', 'withdrawn'], noun: NOUN,
});
export type InformationRequestRecord = ReturnType<typeof reads.toRecord>;

/** One procedure per declared command, under the command's name (informationRequests.answer, ...). */
const requestCommands = declaredCommandProcedures({
  names: INFORMATION_REQUEST_COMMAND_NAMES,
  declarations: INFORMATION_REQUEST_COMMANDS,
  schemas: ZInformationRequestCommands,
  updates: INFORMATION_REQUEST_UPDATES,
  address: ['requestId'],
  target: ({ requestId }) => ({ workflowId: String(requestId), wording: { ...WORDING, notFound: `No information request with id ${String(requestId)}` } }),
  read: (ctx, id) => readLifecycleRecord(ctx, reads, id, NOUN),
});

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
  ...requestCommands,
});
