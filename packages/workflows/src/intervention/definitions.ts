/**
 * Names shared by interventionWorkflow, the worker and the API. Importing this file pulls in no
 * workflow code.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UpdateReply } from '../machine/spec.js';
import type { LadderClockView, TInterventionArgsInput, TInterventionState, TRecordInterventionStepUpdate } from '@ip/domain/workflow';

/** One workflow per authority per spell of DfE intervention (`sequence` counts spells, from 1). */
export function interventionWorkflowId(onsCode: string, sequence = 1): string {
  return `intervention-${onsCode}-${sequence}`;
}

/** { programmeId?, onsCode, authorityName, ladders?: { review?, commissionerReport?, commissionerUpdate? }, actor?, reason? } */
export type InterventionWorkflowArgs = TInterventionArgsInput;

/** What the query and every Update return: the full state plus the time left on each clock. */
export interface InterventionView extends Omit<TInterventionState, 'clocks'> {
  clocks: LadderClockView[];
  asAt: number;
}

/** Records one DfE step ({ actor, reason, step: TInterventionStep }); impossible steps are rejected with the reason. */
export const recordInterventionStepUpdate = defineUpdate<UpdateReply, [TRecordInterventionStepUpdate]>('recordInterventionStep');
/**
 * Full state plus time left on each clock. Pass the caller's clock (epoch ms): a query does not advance
 * workflow time, so without it "time left" is as at the workflow's last wake-up.
 */
export const interventionStateQuery = defineQuery<InterventionView, [asAtMs?: number]>('interventionState');
