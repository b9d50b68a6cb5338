/**
 * The action workflow's decisions as pure functions: the creation event, which command an Update
 * stands for, and what a timer firing does. actionWorkflow runs them live; the audit view
 * (packages/api/src/audit) runs the same functions over a fetched history to rebuild the state
 * "as at" any instant. Workflow-safe: no I/O, no clock (the caller passes `at`).
 */
import { ApplicationFailure } from '@temporalio/common';
import {
  DEFAULT_ACTION_LADDER,
  ZActionDefinition,
  ZActionRules,
  ZActor,
  ZLadder,
  assessActionRag,
  ladderStepEvent,
  nextRagReviewAt,
  pendingActionSteps,
  sameActionRag,
  type PendingActionStep,
  type TActionCommandName,
  type TActionEvent,
  type TActionState,
} from '@ip/domain';
import type { ActionWorkflowArgs } from './definitions.js';

/** Each action Update's name and the command it carries. */
export const ACTION_UPDATE_COMMANDS = {
  updateActionProgress: 'updateProgress',
  attachActionEvidence: 'attachEvidence',
  requestActionSignOff: 'requestSignOff',
  signOffAction: 'signOff',
  requestActionExtension: 'requestExtension',
  approveActionExtension: 'approveExtension',
  rejectActionExtension: 'rejectExtension',
  cancelAction: 'cancel',
} as const satisfies Record<string, TActionCommandName>;

/** The creation event from the start arguments; a bad argument fails with the field named. */
export function actionCreatedEvent(args: ActionWorkflowArgs, actionId: string, at: number): TActionEvent {
  const parse = <T>(what: string, r: { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } }): T => {
    if (r.success) return r.data;
    const issue = r.error.issues[0];
    throw ApplicationFailure.nonRetryable(`${what}.${issue?.path.join('.')}: ${issue?.message}`, 'InvalidAction');
  };
  if (!args.reason || args.reason.trim().length < 3) throw ApplicationFailure.nonRetryable('reason: give a reason', 'InvalidAction');
  return {
    type: 'action_created',
    at,
    actor: parse('actor', ZActor.safeParse(args.actor)),
    reason: args.reason.trim(),
    actionId,
    definition: parse('definition', ZActionDefinition.safeParse(args.definition)),
    ladder: args.ladder ? parse('ladder', ZLadder.safeParse(args.ladder)) : DEFAULT_ACTION_LADDER,
    rules: parse('rules', ZActionRules.safeParse(args.rules ?? {})),
  };
}

/** What the workflow sleeps towards at `now`: the next ladder step and the next RAG review. */
export interface ActionWake {
  step: PendingActionStep | undefined;
  review: number | null;
  wakeAt: number;
}
export function actionWake(state: TActionState, now: number, calendar: Parameters<typeof pendingActionSteps>[1]): ActionWake {
  const step = pendingActionSteps(state, calendar)[0];
  const review = nextRagReviewAt(state, now, calendar);
  return { step, review, wakeAt: Math.min(step?.fireAt ?? Infinity, review ?? Infinity) };
}

/**
 * The event a timer firing at `at` becomes, for the wake planned before it, or null. A timer never
 * fires before its instant; if the clock reads earlier, the workflow sleeps the rest.
 */
export function actionTimerEvent(state: TActionState, wake: ActionWake, at: number, calendar: Parameters<typeof pendingActionSteps>[1]): TActionEvent | null {
  if (wake.step && at >= wake.step.fireAt) return ladderStepEvent(state, wake.step, at);
  if (wake.review !== null && at >= wake.review && !sameActionRag(assessActionRag(state, at, calendar), state.rag)) return { type: 'rag_reviewed', at };
  return null;
}
