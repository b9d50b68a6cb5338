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
import { withReceipt } from '../receipts.js';
import { MANAGERS, procedure, router } from '../trpc.js';
import { lifecycleReads, readLifecycleRecord } from './lifecycle-record.js';
import { requireProgramme } from './register-support.js';
import { actorOf, sendUpdate, startOnce, waitForProjection } from './workflow-support.js';

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
    .mutation(({ ctx, input }) =>
      withReceipt(ctx, 'interventions.start', input.clientRequestId, async () => {
        const authority = await ctx.prisma.localAuthority.findUnique({ where: { onsCode: input.onsCode } });
        if (!authority) throw fieldError(['onsCode'], `No authority with ONS code ${input.onsCode}`);
        if (input.programmeId) await requireProgramme(ctx.prisma, input.programmeId);
        const spells = await ctx.prisma.lifecycleRecord.findMany({ where: { kind: 'intervention', onsCode: input.onsCode }, select: { id: true, phase: true } });
        const open = spells.find((s) => s.phase !== 'closed');
        if (open) throw new TRPCError({ code: 'CONFLICT', message: `${authority.name} is already in intervention (${open.id})` });
        const id = interventionWorkflowId(authority.onsCode, spells.length + 1);
        const args: InterventionWorkflowArgs = {
          ...(input.programmeId ? { programmeId: input.programmeId } : {}),
          onsCode: authority.onsCode,
          authorityName: authority.name,
          actor: actorOf(ctx.user),
          reason: input.reason,
        };
        const started = await startOnce(ctx, 'interventionWorkflow', id, args, WORDING);
        const row = await waitForProjection(ctx, id, () => ctx.prisma.lifecycleRecord.findUnique({ where: { id } }), NOUN, { started });
        return { data: reads.toRecord(row, ctx.now()) };
      }),
    ),
  /** Records one DfE step (notice, direction, commissioner's report, ADM milestones, reviews, closure). */
  recordStep: procedure(MANAGERS)
    .input(ZRecordInterventionStepInput)
    .mutation(async ({ ctx, input }) => {
      const { interventionId, clientRequestId, reason, step } = input;
      await sendUpdate(ctx, interventionId, recordInterventionStepUpdate, clientRequestId, { actor: actorOf(ctx.user), reason, step }, {
        ...WORDING,
        notFound: `No intervention with id ${interventionId}`,
      });
      return readLifecycleRecord(ctx, reads, interventionId, NOUN);
    }),
});
