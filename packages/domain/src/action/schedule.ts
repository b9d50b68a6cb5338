import { londonDateOf } from '../calendar/london-time.js';
import { escalationId, scheduleLadder, type TLadderStep } from '../escalation/ladder.js';
import { assessActionRag, nextRagReviewAt, sameActionRag, type ActionCalendar } from './rag.js';
import { decideDueStep } from '../escalation/late.js';
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
  // Rules 2 (escalation/late.ts): an escalation already past when the baseline began is still owed
  // (the late rule raises the highest one); a reminder already past then was never owed.
  const owed = (s: { step: { kind: string }; fireAt: number }) =>
    s.fireAt >= state.baselineSetAt || ((state.rulesVersion ?? 1) >= 2 && s.step.kind === 'escalation');
  return scheduleLadder(state.ladder, state.dueOn, calendar, { ofstedLinked: state.ofstedLinked })
    .filter((s) => owed(s) && !reached.has(s.step.id))
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

/**
 * Rules 2: the next event time alone makes due at `at`, or null. Ladder steps whose instant has come
 * first, one at a time, decided by the late-escalation rule (escalation/late.ts); then a RAG review
 * when time alone has changed the RAG or its flags. Applying the event and asking again gives the
 * next, until nothing is due: the workflow does exactly that whenever it wakes, and the audit fold
 * does it at every workflow task, so both reach the same state.
 */
export function nextDueActionEvent(state: TActionState, at: number, calendar: ActionCalendar): TActionEvent | null {
  if (state.status === 'complete' || state.status === 'cancelled') return null;
  const due = pendingActionSteps(state, calendar).filter((p) => p.fireAt <= at);
  const first = due[0];
  if (first) {
    const base = ladderStepEvent(state, first, at);
    if (base.type === 'reminder_skipped') return { ...base, skippedBecause: 'awaiting_sign_off' };
    const d = decideDueStep(due.map((p) => ({ kind: p.step.kind, fireAt: p.fireAt })), at, state.dueAt);
    if (d.outcome === 'superseded') return { ...base, type: 'escalation_superseded' };
    if (d.outcome === 'skipped') return { ...base, type: 'reminder_skipped', skippedBecause: d.because };
    return { ...base, type: 'escalation_fired', late: d.late };
  }
  if (!sameActionRag(assessActionRag(state, at, calendar), state.rag)) return { type: 'rag_reviewed', at };
  return null;
}

/**
 * Rules 2: the earliest instant after `at` at which nextDueActionEvent may return an event (the next
 * ladder step or RAG review), or null when nothing is left. The workflow's timer aims at it.
 */
export function nextActionWakeAt(state: TActionState, at: number, calendar: ActionCalendar): number | null {
  const step = pendingActionSteps(state, calendar).find((p) => p.fireAt > at);
  const review = nextRagReviewAt(state, at, calendar);
  const t = Math.min(step?.fireAt ?? Infinity, review ?? Infinity);
  return t === Infinity ? null : t;
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
