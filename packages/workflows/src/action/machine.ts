/**
 * The action workflow as a machine (../machine/spec.ts): what actionWorkflow runs from the
 * machine-runner version on, and what the audit fold replays. Pure and workflow-safe.
 */
import {
  actionCommandEvent, actionView, ACTION_LOGS, carryActionState, defaultActionContext, nextActionWakeAt, nextDueActionEvent, reduceAction,
  type TActionEvent, type TActionState,
} from '@ip/domain/workflow';
import type { EscalationFact } from '@ip/activities';
import type { MachineSpec, RunArgs } from '../machine/spec.js';
import type { ActionWorkflowArgs } from './definitions.js';
import { ACTION_UPDATE_COMMANDS, actionCreatedEvent } from './steps.js';

export type ActionRunArgs = ActionWorkflowArgs & RunArgs<TActionState>;

/** What an action workflow completes with: small (its whole state is in the read model and history). */
export interface ActionResult {
  actionId: string;
  status: TActionState['status'];
  version: number;
}

export function actionMachine(args: Pick<ActionWorkflowArgs, 'calendarOverrides'>): MachineSpec<TActionState, TActionEvent, ActionRunArgs> {
  const ctx = defaultActionContext(args.calendarOverrides);
  const updates: Record<string, (payload: unknown, at: number) => TActionEvent> = {};
  for (const [update, command] of Object.entries(ACTION_UPDATE_COMMANDS)) updates[update] = (payload, at) => actionCommandEvent(command, payload, at);
  return {
    workflowType: 'actionWorkflow',
    projection: 'action',
    logs: ACTION_LOGS,
    init: (a, workflowId, at) => reduceAction(null, { ...(actionCreatedEvent(a, workflowId, at) as Extract<TActionEvent, { type: 'action_created' }>), rulesVersion: 2 }, ctx),
    // A state carried from the first workflow version moves to the late-escalation rule.
    resume: (carried) => (carried.rulesVersion === 2 ? carried : { ...carried, rulesVersion: 2, version: carried.version + 1 }),
    reduce: (s, e) => reduceAction(s, e, ctx),
    updates,
    nextDue: (s, at) => nextDueActionEvent(s, at, ctx.calendar),
    nextWakeAt: (s, at) => nextActionWakeAt(s, at, ctx.calendar),
    finished: (s) => s.status === 'complete' || s.status === 'cancelled',
    carry: (s, at) => carryActionState(s, at, ctx.calendar),
    escalations: (e, s, workflowId): EscalationFact[] => e.type !== 'escalation_fired' ? [] : [{
      id: e.escalationId, workflowId, programmeId: s.programmeId, subjectKind: 'action', subjectId: s.actionId, subjectTitle: s.title,
      ladderId: e.ladderId, stepId: e.stepId, kind: e.kind, level: e.level, label: e.label, dueOn: s.dueOn, fireAt: e.fireAt, firedAt: e.at,
      raisedLate: e.late === true,
    }],
    result: (s): ActionResult => ({ actionId: s.actionId, status: s.status, version: s.version }),
  };
}

/** The action's Query: the state with the RAG as at the caller's instant, time left and the steps to come. */
export function actionQueryView(args: Pick<ActionWorkflowArgs, 'calendarOverrides'>) {
  const calendar = defaultActionContext(args.calendarOverrides).calendar;
  return (s: TActionState, at: number) => actionView(s, at, calendar);
}
