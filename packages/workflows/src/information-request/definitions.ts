/**
 * Names shared by informationRequestWorkflow, the worker and the API. Importing this file pulls in no
 * workflow code.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UpdateReply } from '../machine/spec.js';
import type {
  LadderClockView,
  TAnswerInformationRequestUpdate,
  TExtendInformationRequestUpdate,
  TInformationRequestArgsInput,
  TInformationRequestState,
  TWithdrawInformationRequestUpdate,
} from '@ip/domain/workflow';

/** One workflow per request; `requestKey` is any id unique within the authority (e.g. a UUID). */
export function informationRequestWorkflowId(onsCode: string, requestKey: string): string {
  return `info-request-${onsCode}-${requestKey}`;
}

/** { programmeId?, onsCode, requester, subject, requestedOn?, dueOn, ladder?, actor?, reason? } */
export type InformationRequestWorkflowArgs = TInformationRequestArgsInput;

/** What the query and every Update return: the full state plus the time left on each clock. */
export interface InformationRequestView extends Omit<TInformationRequestState, 'clocks'> {
  clocks: LadderClockView[];
  asAt: number;
}

export const answerInformationRequestUpdate = defineUpdate<UpdateReply, [TAnswerInformationRequestUpdate]>('answer');
export const extendInformationRequestDueDateUpdate = defineUpdate<UpdateReply, [TExtendInformationRequestUpdate]>(
  'extendDueDate',
);
export const withdrawInformationRequestUpdate = defineUpdate<UpdateReply, [TWithdrawInformationRequestUpdate]>('withdraw');
/**
 * Full state plus time left on each clock. Pass the caller's clock (epoch ms): a query does not advance
 * workflow time, so without it "time left" is as at the workflow's last wake-up, possibly days ago.
 */
export const informationRequestStateQuery = defineQuery<InformationRequestView, [asAtMs?: number]>('informationRequestState');
