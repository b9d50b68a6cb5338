/**
 * Names shared by monitoringVisitWorkflow, the programme workflow that starts it as a child, the
 * worker and the API. Importing this file pulls in no workflow code.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UpdateReply } from '../machine/spec.js';
import type {
  LadderClockView,
  TCancelVisitUpdate,
  TConfirmNewActionsUpdate,
  TMonitoringVisitArgsInput,
  TMonitoringVisitState,
  TMonitoringVisitSummary,
  TPublishLetterUpdate,
  TRecordDraftLetterUpdate,
  TRecordFieldworkUpdate,
  TSubmitAccuracyCorrectionsUpdate,
} from '@ip/domain/workflow';

/** One workflow per visit: `programme-E09000099-1-mv-2` is the second visit of that programme. */
export function monitoringVisitWorkflowId(programmeId: string, n: number): string {
  return `${programmeId}-mv-${n}`;
}

/** { programmeId, onsCode, authorityName, number, theme, plannedStartOn, ladder? (new-actions ladder) } */
export type MonitoringVisitWorkflowArgs = TMonitoringVisitArgsInput;
/** Returned when the follow-up is done (or the visit is cancelled). */
export type MonitoringVisitResult = TMonitoringVisitSummary;

/** What the query and every Update return: the full state plus the time left on each clock. */
export interface MonitoringVisitView extends Omit<TMonitoringVisitState, 'clocks'> {
  clocks: LadderClockView[];
  asAt: number;
}

export const recordFieldworkUpdate = defineUpdate<UpdateReply, [TRecordFieldworkUpdate]>('recordFieldwork');
export const recordDraftLetterUpdate = defineUpdate<UpdateReply, [TRecordDraftLetterUpdate]>('recordDraftLetter');
export const submitAccuracyCorrectionsUpdate = defineUpdate<UpdateReply, [TSubmitAccuracyCorrectionsUpdate]>('submitAccuracyCorrections');
export const publishLetterUpdate = defineUpdate<UpdateReply, [TPublishLetterUpdate]>('publishLetter');
export const confirmNewActionsCreatedUpdate = defineUpdate<UpdateReply, [TConfirmNewActionsUpdate]>('confirmNewActionsCreated');
export const cancelVisitUpdate = defineUpdate<UpdateReply, [TCancelVisitUpdate]>('cancelVisit');
/**
 * Full state plus time left on each clock. Pass the caller's clock (epoch ms): a query does not advance
 * workflow time, so without it "time left" is as at the workflow's last wake-up.
 */
export const monitoringVisitStateQuery = defineQuery<MonitoringVisitView, [asAtMs?: number]>('monitoringVisitState');
