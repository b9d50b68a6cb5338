/**
 * Names shared by the action workflow, the worker and the API: workflow id, start arguments,
 * Updates and the Query. Importing this file pulls in no workflow code.
 *
 * Every Update carries the actor and the reason; the API passes its `clientRequestId` as the
 * Update id, so a retried command has exactly one effect. Every Update returns the ActionView
 * after the change (already projected to PostgreSQL).
 */
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { ACTION_COMMAND_NAMES, ACTION_COMMANDS } from '@ip/domain/workflow';
import type { UpdateReply } from '../machine/spec.js';
import type {
  ActionView,
  TActionCommandName,
  TActionCommandPayload,
  TActionDefinitionInput,
  TActionRules,
  TActor,
  TCalendarOverridesInput,
  TLadderInput,
} from '@ip/domain/workflow';

/**
 * One action workflow per action. `key` is any stable string unique within the programme; the API
 * uses the create command's clientRequestId, so a retried create finds the workflow already started.
 */
export function actionWorkflowId(programmeId: string, key: string): string {
  return `action-${programmeId}-${key}`;
}

export interface ActionWorkflowArgs {
  definition: TActionDefinitionInput;
  actor: TActor;
  reason: string;
  /** The programme's escalation ladder; default DEFAULT_ACTION_LADDER (BRIEF (b), proposed). */
  ladder?: TLadderInput;
  /** RAG thresholds; defaults DEFAULT_ACTION_RULES (stale after DEFAULT_CLOCKS.staleAfterWD). */
  rules?: Partial<TActionRules>;
  /** Admin calendar overrides (one-off bank holidays), if the programme has any. */
  calendarOverrides?: TCalendarOverridesInput;
}

/** The payload of each action Update: actor + reason + the command's own fields. */
export type ActionCommand<K extends TActionCommandName> = TActionCommandPayload<K>;

/** The Update each action command travels as, named by its declaration (domain action/declarations.ts). */
export type ActionUpdate<K extends TActionCommandName> = UpdateDefinition<UpdateReply, [ActionCommand<K>], string>;
export const ACTION_UPDATES = Object.fromEntries(
  ACTION_COMMAND_NAMES.map((name) => [name, defineUpdate<UpdateReply, [unknown]>(ACTION_COMMANDS[name].update)]),
) as { readonly [K in TActionCommandName]: ActionUpdate<K> };

// Named for the tests and scenarios that send them directly.
export const updateActionProgressUpdate = ACTION_UPDATES.updateProgress;
export const attachActionEvidenceUpdate = ACTION_UPDATES.attachEvidence;
export const requestActionSignOffUpdate = ACTION_UPDATES.requestSignOff;
/** `outcome: 'returned'` refuses the sign-off and hands the action back to the owner. */
export const signOffActionUpdate = ACTION_UPDATES.signOff;
export const requestActionExtensionUpdate = ACTION_UPDATES.requestExtension;
export const approveActionExtensionUpdate = ACTION_UPDATES.approveExtension;
export const rejectActionExtensionUpdate = ACTION_UPDATES.rejectExtension;
export const cancelActionUpdate = ACTION_UPDATES.cancel;

/** Full state, RAG now, time left to the due date and the pending ladder steps. */
export const actionStateQuery = defineQuery<ActionView>('actionState');
