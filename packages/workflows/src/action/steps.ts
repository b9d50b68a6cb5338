/**
 * The action workflow's decisions as pure functions: the creation event, which command an Update
 * stands for, and what a timer firing does. actionWorkflow runs them live; the audit view
 * (packages/api/src/audit) runs the same functions over a fetched history to rebuild the state
 * "as at" any instant. Workflow-safe: no I/O, no clock (the caller passes `at`).
 */
import { ApplicationFailure } from '@temporalio/common';
import {
  ACTION_COMMAND_NAMES,
  ACTION_COMMANDS,
  DEFAULT_ACTION_LADDER,
  LifecycleRejection,
  actionRulesWithDefaults,
  assessActionRag,
  checkedActionDefinition,
  checkedActor,
  ladderStepEvent,
  ladderWithDefaults,
  nextRagReviewAt,
  pendingActionSteps,
  sameActionRag,
} from '@ip/domain/workflow';
import type { PendingActionStep, TActionCommandName, TActionEvent, TActionState } from '@ip/domain/workflow';
import type { ActionWorkflowArgs } from './definitions.js';

/** Each action Update's name and the command it carries, from the declarations (domain action/declarations.ts). */
export const ACTION_UPDATE_COMMANDS: Readonly<Record<string, TActionCommandName>> = Object.fromEntries(
  ACTION_COMMAND_NAMES.map((name) => [ACTION_COMMANDS[name].update, name]),
);

/**
 * The creation event from the start arguments; a bad argument fails with the field named. The API
 * has parsed them with ZCreateActionInput; here they are checked without zod (see @ip/domain/workflow).
 */
export function actionCreatedEvent(args: ActionWorkflowArgs, actionId: string, at: number): TActionEvent {
  if (!args.reason || args.reason.trim().length < 3) throw ApplicationFailure.nonRetryable('reason: give a reason', 'InvalidAction');
  try {
    return {
      type: 'action_created',
      at,
      actor: checkedActor(args.actor),
      reason: args.reason.trim(),
      actionId,
      definition: checkedActionDefinition(args.definition),
      ladder: args.ladder ? ladderWithDefaults(args.ladder) : DEFAULT_ACTION_LADDER,
      rules: actionRulesWithDefaults(args.rules),
    };
  } catch (err) {
    if (err instanceof LifecycleRejection) throw ApplicationFailure.nonRetryable(err.message, 'InvalidAction');
    throw err;
  }
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
