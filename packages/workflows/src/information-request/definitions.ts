/**
 * Names shared by informationRequestWorkflow, the worker and the API. Importing this file pulls in no
 * workflow code.
 */
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { INFORMATION_REQUEST_COMMAND_NAMES, INFORMATION_REQUEST_COMMANDS } from '@ip/domain/workflow';
import type { UpdateReply } from '../machine/spec.js';
import type {
  LadderClockView,
  TInformationRequestArgsInput,
  TInformationRequestCommandName,
  TInformationRequestCommandPayload,
  TInformationRequestState,
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

/** The Update each information-request command travels as, named by its declaration (domain information-request/declarations.ts). */
export type InformationRequestUpdate<K extends TInformationRequestCommandName> =
  UpdateDefinition<UpdateReply, [TInformationRequestCommandPayload<K>], string>;
export const INFORMATION_REQUEST_UPDATES = Object.fromEntries(
  INFORMATION_REQUEST_COMMAND_NAMES.map((name) => [name, defineUpdate<UpdateReply, [unknown]>(INFORMATION_REQUEST_COMMANDS[name].update)]),
) as { readonly [K in TInformationRequestCommandName]: InformationRequestUpdate<K> };

// Named for the tests, scenarios and the first workflow version that use them directly.
export const answerInformationRequestUpdate = INFORMATION_REQUEST_UPDATES.answer;
export const extendInformationRequestDueDateUpdate = INFORMATION_REQUEST_UPDATES.extendDueDate;
export const withdrawInformationRequestUpdate = INFORMATION_REQUEST_UPDATES.withdraw;
/**
 * Full state plus time left on each clock. Pass the caller's clock (epoch ms): a query does not advance
 * workflow time, so without it "time left" is as at the workflow's last wake-up, possibly days ago.
 */
export const informationRequestStateQuery = defineQuery<InformationRequestView, [asAtMs?: number]>('informationRequestState');
