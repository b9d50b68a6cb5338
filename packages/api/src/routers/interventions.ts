/**
 * The DfE intervention track (LifecycleRecord kind 'intervention'): one interventionWorkflow per
 * authority per spell of intervention. The DfE decides; users record each step, and the workflow
 * refuses a step that cannot follow the last one, with the reason.
 */
import { TRPCError } from '@trpc/server';
import { ZInterventionState, ZRecordInterventionStepInput, ZStartInterventionInput } from '@ip/domain';
import { interventionWorkflowId, recordInterventionStepUpdate, type InterventionWorkflowArgs } from '@ip/workflows/definitions';
import type { WorkflowWording } from '../errors.js';
import { fieldError } from '../errors.js';
import { commandKey, workflowCommand } from '../receipts.js';
import { MANAGERS, procedure, router } from '../trpc.js';
import { lifecycleReads, readLifecycleRecord } from './lifecycle-record.js';
import { requireProgramme } from './register-support.js';
import { actorOf, startedByRequest, startOnce, updateCommand, waitForProjection } from './workflow-support.js';

const NOUN = 'intervention';
const WORDING: WorkflowWording = { notFound: 'No such intervention', closed: 'This intervention has closed: nothing more can be recorded' };
const reads = lifecycleReads({ kind: 'intervention', parse: (s) => ZInterventionState.parse(s), finalPhases: ['closed'], noun: NOUN });
export type InterventionRecord = ReturnType<typeof reads.toRecord>;

export const interventionsRouter = router({
  ...reads.procedures,
  /**
   * Opens a spell of DfE intervention for an authority (one open at a time). The id counts spells
   * (intervention-E09000099-2 is the second), so a retried start finds the same workflow.
   */
  start: procedure(MANAGERS)
    .input(ZStartInterventionInput)
    .mutation(({ ctx, input, path }) =>
      workflowCommand(ctx, commandKey(ctx, path, input), async ({ resumed }) => {
        const { clientRequestId } = input;
        const authority = await ctx.prisma.localAuthority.findUnique({ where: { onsCode: input.onsCode } });
        if (!authority) throw fieldError(['onsCode'], `No authority with ONS code ${input.onsCode}`);
        if (input.programmeId) await requireProgramme(ctx.prisma, input.programmeId);
        const spells = await ctx.prisma.lifecycleRecord.findMany({ where: { kind: 'intervention', onsCode: input.onsCode }, select: { id: true, phase: true } });
        const open = spells.find((s) => s.phase !== 'closed');
        // The open spell may be this very command's, if an earlier attempt of it (a pending receipt)
        // started it and died before answering; on a first attempt it cannot be, and Temporal is not asked.
        if (open && !(resumed && (await startedByRequest(ctx, open.id, clientRequestId)))) {
          throw new TRPCError({ code: 'CONFLICT', message: `${authority.name} is already in intervention (${open.id})` });
        }
        const id = open?.id ?? interventionWorkflowId(authority.onsCode, spells.length + 1);
        const args: InterventionWorkflowArgs = {
          ...(input.programmeId ? { programmeId: input.programmeId } : {}),
          onsCode: authority.onsCode,
          authorityName: authority.name,
          actor: actorOf(ctx.user),
          reason: input.reason,
        };
        const started = open ? 'started' : await startOnce(ctx, 'interventionWorkflow', id, args, WORDING, clientRequestId);
        const row = await waitForProjection(ctx, id, () => ctx.prisma.lifecycleRecord.findUnique({ where: { id } }), NOUN, { started });
        return { data: reads.toRecord(row, ctx.now()) };
      }),
    ),
  /** Records one DfE step (notice, direction, commissioner's report, ADM milestones, reviews, closure). */
  recordStep: procedure(MANAGERS)
    .input(ZRecordInterventionStepInput)
    .mutation(({ ctx, input, path }) => {
      const { interventionId, reason, step } = input;
      const target = {
        workflowId: interventionId,
        update: recordInterventionStepUpdate,
        arg: { actor: actorOf(ctx.user), reason, step },
        wording: { ...WORDING, notFound: `No intervention with id ${interventionId}` },
      };
      return updateCommand(ctx, { path, input }, target, () => readLifecycleRecord(ctx, reads, interventionId, NOUN));
    }),
});
