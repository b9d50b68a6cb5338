import { londonDateOf } from '../calendar/london-time.js';
import { escalationId, scheduleLadder, type TLadderStep } from '../escalation/ladder.js';
import { assessActionRag, type ActionCalendar } from './rag.js';
import type { TActionEvent } from './events.js';
import type { TActionRagAssessment, TActionState } from './state.js';

/** A ladder step still to come for the current due date. */
export interface PendingActionStep {
  step: TLadderStep;
  fireOn: string;
  fireAt: number;
  baseline: number;
  /** escalationId(actionId (= workflow id), ladder id, step id, baseline). */
  escalationId: string;
}

/**
 * The ladder steps still to fire for the action's current due date, in firing order. A step is
 * pending unless it was reached for this baseline already, or its instant had passed when the
 * baseline began (an action added 3 days before its deadline gets no "due in 10 days" reminder;
 * after an extension, old-baseline steps are never pending). Nothing is pending once it is closed.
 */
export function pendingActionSteps(state: TActionState, calendar: ActionCalendar): PendingActionStep[] {
  if (state.status === 'complete' || state.status === 'cancelled') return [];
  const reached = new Set(state.steps.filter((s) => s.baseline === state.baseline).map((s) => s.stepId));
  return scheduleLadder(state.ladder, state.dueOn, calendar, { ofstedLinked: state.ofstedLinked })
    .filter((s) => s.fireAt >= state.baselineSetAt && !reached.has(s.step.id))
    .map((s) => ({
      ...s,
      baseline: state.baseline,
      escalationId: escalationId(state.actionId, state.ladder.id, s.step.id, state.baseline),
    }));
}

/**
 * Whether a step that has come due is sent or skipped. Reminders to the owner are skipped while
 * the action awaits sign-off (the owner has delivered); escalations still go, because an unsigned
 * action past its deadline is the programme's business.
 */
export function stepOutcome(state: Pick<TActionState, 'status'>, step: Pick<TLadderStep, 'kind'>): 'fired' | 'skipped' {
  return step.kind === 'reminder' && state.status === 'awaiting_sign_off' ? 'skipped' : 'fired';
}

/** The event for a pending step whose instant has come: fired or skipped per stepOutcome. */
export function ladderStepEvent(
  state: Pick<TActionState, 'status' | 'ladder'>,
  pending: PendingActionStep,
  at: number,
): Extract<TActionEvent, { type: 'escalation_fired' | 'reminder_skipped' }> {
  const { step } = pending;
  return {
    type: stepOutcome(state, step) === 'fired' ? 'escalation_fired' : 'reminder_skipped',
    at,
    escalationId: pending.escalationId,
    ladderId: state.ladder.id,
    stepId: step.id,
    baseline: pending.baseline,
    kind: step.kind,
    level: step.level,
    label: step.label,
    fireOn: pending.fireOn,
    fireAt: pending.fireAt,
    setsRed: step.setsRed,
  };
}

/** What a query shows: the state with the RAG as at `asAt`, time left and the pending schedule. */
export interface ActionView extends Omit<TActionState, 'rag'> {
  rag: TActionRagAssessment;
  asAt: number;
  timeLeft: {
    /** Working days from today (London) to the due date; negative once overdue. */
    workingDays: number;
    /** Until the end of the due date in London; negative once overdue. */
    ms: number;
  };
  pendingSteps: Array<Omit<PendingActionStep, 'step'> & Pick<TLadderStep, 'kind' | 'level' | 'label'> & { stepId: string }>;
}

/** The view of an action at `now`: used by the workflow's Query and by anything reading the projection. */
export function actionView(state: TActionState, now: number, calendar: ActionCalendar): ActionView {
  return {
    ...state,
    rag: assessActionRag(state, now, calendar),
    asAt: now,
    timeLeft: {
      workingDays: calendar.workingDaysBetween(londonDateOf(now), state.dueOn),
      ms: state.dueAt - now,
    },
    pendingSteps: pendingActionSteps(state, calendar).map(({ step, ...rest }) => ({
      ...rest,
      stepId: step.id,
      kind: step.kind,
      level: step.level,
      label: step.label,
    })),
  };
}
