/**
 * The programme workflow's decisions as pure functions: which lifecycle event an Update, a timer or
 * a child result becomes, and how it is applied. programmeWorkflow runs them live; the audit view
 * (packages/api/src/audit) runs the very same functions over a fetched history to rebuild the state
 * "as at" any instant. One piece of code, two uses, so the two cannot disagree.
 * Workflow-safe: no I/O, no clock (the caller passes `at`).
 */
import {
  clockViews,
  nextDeadline,
  programmeContext,
  reduceProgramme,
  type LifecycleContext,
  type TProgrammeEvent,
  type TProgrammeState,
} from '@ip/domain/workflow';
import type { HumanCommand, ProgrammeView, ProgrammeWorkflowArgs } from './definitions.js';
import { type PROGRAMME_COMMANDS } from './definitions.js';
import { pendingSteps, type PendingStep } from './ladder-timers.js';

/** Patch id guarding the ladder loop (version 1 waited on the earliest clock only). */
export const LADDERS_PATCH = 'escalation-ladders';
/** From this version a fresh programme creates its KPI-return Schedule itself (before: the API did, before replying). */
export const KPI_SCHEDULE_PATCH = 'kpi-schedule-in-workflow';

/** The context follows the programme's configuration (ladders, calendar), which an admin may change. */
export function programmeContextOf(args: Pick<ProgrammeWorkflowArgs, 'ladders'>, state: TProgrammeState | null | undefined) {
  return programmeContext({ ladders: { ...(args.ladders ?? {}), ...(state?.config.ladders ?? {}) }, calendarOverrides: state?.config.calendarOverrides });
}

/** The state a run starts from: carried over by continue-as-new, or a fresh programme. */
export function initialProgrammeState(args: ProgrammeWorkflowArgs, at: number): TProgrammeState {
  return args.carried ?? reduceProgramme(null, { type: 'programme_started', at, ...args }, programmeContext({ ladders: args.ladders ?? {} }));
}

/** The view a query returns: the state plus the time left on every clock at `now`. */
export function programmeView(args: Pick<ProgrammeWorkflowArgs, 'ladders'>, state: TProgrammeState, now: number): ProgrammeView {
  return { ...state, clocks: clockViews(state, now, programmeContextOf(args, state).calendar), asAt: now };
}

/** The lifecycle event a programme Update (by its name) stands for. */
export function programmeCommandEvent(type: (typeof PROGRAMME_COMMANDS)[keyof typeof PROGRAMME_COMMANDS], cmd: HumanCommand, at: number): TProgrammeEvent {
  return { ...cmd, type, at } as TProgrammeEvent;
}

/** The event scheduling a monitoring visit (the workflow then starts the visit as a child). */
export function visitScheduledEvent(cmd: HumanCommand & { number: number; theme: string; plannedStartOn: string }, workflowId: string, at: number): TProgrammeEvent {
  return { ...cmd, type: 'monitoring_visit_scheduled', at, workflowId };
}

/** The event a finished (or failed: `result` null) monitoring-visit child becomes. */
export function visitClosedEvent(number: number, result: { letterPublishedOn?: string | null } | null | undefined, at: number): TProgrammeEvent {
  return { type: 'monitoring_visit_closed', at, number, letterPublishedOn: result?.letterPublishedOn ?? null };
}

/**
 * Applies one event as the workflow does: the reducer, and (from the ladders version on) an
 * inadequate judgement also back-schedules the plan's milestones. Returns the same object when
 * nothing changed. Throws LifecycleRejection when the event does not fit.
 */
export function applyProgrammeEvent(state: TProgrammeState, event: TProgrammeEvent, ctx: LifecycleContext, ladders: boolean): TProgrammeState {
  let next = reduceProgramme(state, event, ctx);
  if (next === state) return state;
  if (ladders && next.phase === 'action_planning' && (event.type === 'inspection_recorded' || event.type === 'reinspection_recorded')) {
    next = reduceProgramme(next, { type: 'milestones_scheduled', at: event.at }, ctx);
  }
  return next;
}

/** The next ladder step the workflow sleeps towards, if any. */
export function nextProgrammeStep(args: Pick<ProgrammeWorkflowArgs, 'ladders'>, state: TProgrammeState): PendingStep | undefined {
  const ctx = programmeContextOf(args, state);
  return pendingSteps(state, ctx.ladders, ctx.calendar)[0];
}

/**
 * A "due soon" reminder once the deadline has passed (a back-dated entry, or a long outage) tells
 * nobody anything: it is marked done without a message. Escalations always go out.
 */
export function isMootStep(next: PendingStep, now: number): boolean {
  return next.step.kind === 'reminder' && now >= next.clock.dueAt;
}

/** The event recording that a ladder step was reached (after its escalation, if any, was written). */
export function ladderStepFiredEvent(next: PendingStep, moot: boolean, at: number): TProgrammeEvent {
  return {
    type: 'ladder_step_fired', at, clock: next.clock.name, stepId: next.step.id, key: next.key,
    offsetWorkingDays: next.step.offsetWorkingDays, label: moot ? `(reminder not sent: deadline already past) ${next.step.label}` : next.step.label,
  };
}

/** Version 1 of the clock loop: the earliest running deadline, marked passed when its timer fires. */
export function legacyNextDeadline(state: TProgrammeState) {
  return nextDeadline(state);
}
export function clockElapsedEvent(clock: string, at: number): TProgrammeEvent {
  return { type: 'clock_elapsed', at, clock };
}

export type { PendingStep };
