/**
 * Ofsted monitoring visits (LifecycleRecord kind 'monitoring_visit'). The programme workflow starts
 * each visit as a child (`programmes.scheduleMonitoringVisit`); here the visit is read and driven:
 * fieldwork → draft letter → accuracy corrections → published letter → new actions confirmed, or
 * cancelled. Each command names its visit by programme and number (monitoringVisitWorkflowId) and
 * is one Update keyed by the client request id, once per request id (receipts.ts).
 */
import type { z } from 'zod';
import type { UpdateDefinition } from '@temporalio/client';
import {
  ZCancelVisitInput,
  ZConfirmNewActionsInput,
  ZMonitoringVisitState,
  ZPublishLetterInput,
  ZRecordDraftLetterInput,
  ZRecordFieldworkInput,
  ZSubmitAccuracyCorrectionsInput,
  type TActor,
} from '@ip/domain';
import {
  cancelVisitUpdate,
  confirmNewActionsCreatedUpdate,
  monitoringVisitWorkflowId,
  publishLetterUpdate,
  recordDraftLetterUpdate,
  recordFieldworkUpdate,
  submitAccuracyCorrectionsUpdate,
} from '@ip/workflows/definitions';
import { MANAGERS, procedure, router } from '../trpc.js';
import { lifecycleReads, readLifecycleRecord } from './lifecycle-record.js';
import { actorOf, updateCommand } from './workflow-support.js';

const NOUN = 'monitoring visit';
const reads = lifecycleReads({ kind: 'monitoring_visit', parse: (s) => ZMonitoringVisitState.parse(s), finalPhases: ['closed', 'cancelled'], noun: NOUN });
export type MonitoringVisitRecord = ReturnType<typeof reads.toRecord>;

type CommandInput = { programmeId: string; number: number; clientRequestId: string; reason: string };
type Payload<S extends z.ZodType<CommandInput>> = Omit<z.infer<S>, 'programmeId' | 'number' | 'clientRequestId'> & { actor: TActor };

/** The schema's payload must be what the Update takes: checked at compile time for each command. */
function visitCommand<S extends z.ZodType<CommandInput>, A>(
  schema: S & (Payload<S> extends A ? unknown : never),
  update: UpdateDefinition<unknown, [A], string>,
) {
  return procedure(MANAGERS)
    .input(schema)
    .mutation(({ ctx, input, path }) => {
      const { programmeId, number, clientRequestId: _id, ...payload } = input as CommandInput & Record<string, unknown>;
      const id = monitoringVisitWorkflowId(programmeId, number);
      const target = {
        workflowId: id,
        update: update as UpdateDefinition<unknown, [unknown], string>,
        arg: { ...payload, actor: actorOf(ctx.user) },
        wording: {
          notFound: `Monitoring visit ${number} of ${programmeId} has not been scheduled`,
          closed: `Monitoring visit ${number} is closed (its follow-up is done, or it was cancelled)`,
        },
      };
      return updateCommand(ctx, { path, input }, target, () => readLifecycleRecord(ctx, reads, id, NOUN));
    });
}

export const monitoringVisitsRouter = router({
  ...reads.procedures,
  recordFieldwork: visitCommand(ZRecordFieldworkInput, recordFieldworkUpdate),
  recordDraftLetter: visitCommand(ZRecordDraftLetterInput, recordDraftLetterUpdate),
  submitAccuracyCorrections: visitCommand(ZSubmitAccuracyCorrectionsInput, submitAccuracyCorrectionsUpdate),
  publishLetter: visitCommand(ZPublishLetterInput, publishLetterUpdate),
  confirmNewActionsCreated: visitCommand(ZConfirmNewActionsInput, confirmNewActionsCreatedUpdate),
  cancelVisit: visitCommand(ZCancelVisitInput, cancelVisitUpdate),
});
