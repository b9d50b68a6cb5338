/**
 * A deadline with an escalation ladder attached: the shared building block of the information-request,
 * monitoring-visit and intervention lifecycles. Pure data plus pure functions, so the reducers (and the
 * audit replay) decide which reminders are still owed and the workflows only sleep until the next one.
 *
 * Its own folder, named for what it is, because three kinds share it: none of them owns it.
 */
import { endOfLondonDayUtcMs, londonDateOf } from '../calendar/london-time.js';
import { formatLongDate } from '../calendar/format.js';
import { clockOutcome, type ClockOutcomeFields } from '../clock-outcome/outcome.js';
import { scheduleLadder, type TLadder, type TLadderStep } from '../escalation/ladder.js';
import { decideDueStep, lateWording, type TSkipReason } from '../escalation/late.js';
import { LifecycleRejection } from '../lifecycle/reducer.js';
import type { THistoryEntry } from '../lifecycle/state.js';
import type { TLadderClock } from './schemas.js';

export type { TLadderClock, TLadderClockStatus, TLifecycleUpdateMeta } from './schemas.js';

export interface LadderCalendar {
  addWorkingDays(from: string, n: number): string;
  workingDaysBetween(a: string, b: string): number;
  readonly version: string;
}

export function armClock(o: {
  name: string;
  label: string;
  mode: TLadderClock['mode'];
  startedOn: string;
  dueOn: string;
  source: string;
  ladder: TLadder;
  baseline: number;
  at: number;
}): TLadderClock {
  const { at, ...rest } = o;
  return { ...rest, dueAt: endOfLondonDayUtcMs(o.dueOn), status: 'running', armedAt: at, firedStepIds: [], closedAt: null };
}

export const isLadderClockActive = (c: TLadderClock): boolean => c.status === 'running' || c.status === 'overdue';

/** Met or breached is judged by the business date it happened, not by when it was typed in. */
export function satisfyClocks(clocks: TLadderClock[], name: string, onDate: string, at: number): TLadderClock[] {
  return clocks.map((c) =>
    c.name === name && isLadderClockActive(c) ? { ...c, status: onDate <= c.dueOn ? 'met' : 'breached', closedAt: at, doneOn: onDate } : c,
  );
}

/** Stops active clocks (all of them, or the named ones) without judging them. */
export function closeClocks(clocks: TLadderClock[], at: number, names?: string[]): TLadderClock[] {
  return clocks.map((c) => (isLadderClockActive(c) && (!names || names.includes(c.name)) ? { ...c, status: 'closed', closedAt: at } : c));
}

/** What a timer does when it fires; the reducers take it as a `timer_fired` event. */
export interface TTimerFired {
  clock: string;
  baseline: number;
  /** null: the clock's own deadline passing. */
  stepId: string | null;
  /**
   * Rules 2 (escalation/late.ts), for a ladder step: raised (late or not), a reminder skipped, or an
   * escalation superseded by a later one. Absent in older histories: raised.
   */
  outcome?: 'fired' | 'skipped' | 'superseded';
  late?: boolean;
  skippedBecause?: TSkipReason;
}

export interface LadderTimer extends TTimerFired {
  fireOn: string;
  fireAt: number;
  step: TLadderStep | null;
  ladderId: string;
  clockLabel: string;
  dueOn: string;
}

/**
 * Every timer still owed by the active clocks, in firing order. At the same instant the deadline comes
 * before the ladder step, so the timeline reads "deadline passed" then "escalated". Escalations whose
 * instant is already past still fire (the obligation is unmet); stale reminders do not.
 */
export function pendingLadderTimers(clocks: TLadderClock[], calendar: Pick<LadderCalendar, 'addWorkingDays'>): LadderTimer[] {
  const out: LadderTimer[] = [];
  for (const c of clocks) {
    if (!isLadderClockActive(c)) continue;
    const base = { clock: c.name, baseline: c.baseline, ladderId: c.ladder.id, clockLabel: c.label, dueOn: c.dueOn };
    if (c.mode === 'deadline' && c.status === 'running') {
      out.push({ ...base, stepId: null, step: null, fireOn: c.dueOn, fireAt: c.dueAt });
    }
    for (const s of scheduleLadder(c.ladder, c.dueOn, calendar)) {
      if (c.firedStepIds.includes(s.step.id)) continue;
      if (s.step.kind === 'reminder' && (s.fireAt < c.armedAt || c.status === 'overdue')) continue;
      out.push({ ...base, stepId: s.step.id, step: s.step, fireOn: s.fireOn, fireAt: s.fireAt });
    }
  }
  return out.sort((a, b) => a.fireAt - b.fireAt || (a.step ? 1 : 0) - (b.step ? 1 : 0));
}

/**
 * Applies a fired timer to the clocks. Returns null when it no longer applies (the clock was met,
 * closed or re-armed meanwhile, or the step already fired), so a late or repeated timer is a no-op.
 */
export function fireLadderTimer(
  clocks: TLadderClock[],
  t: TTimerFired,
  _at: number,
): { clocks: TLadderClock[]; summary: string } | null {
  const clock = clocks.find((c) => c.name === t.clock && c.baseline === t.baseline);
  if (!clock || !isLadderClockActive(clock)) return null;
  if (t.stepId === null) {
    if (clock.mode !== 'deadline' || clock.status !== 'running') return null;
    return {
      clocks: clocks.map((c) => (c === clock ? { ...c, status: 'overdue' } : c)),
      summary: `Deadline passed: ${clock.label} (due ${formatLongDate(clock.dueOn)})`,
    };
  }
  const step = clock.ladder.steps.find((s) => s.id === t.stepId);
  if (!step || clock.firedStepIds.includes(step.id)) return null;
  const what = `${step.kind === 'reminder' ? 'Reminder' : 'Escalation'} to ${step.level.replaceAll('_', ' ')}: ${step.label} (${clock.label}, due ${formatLongDate(clock.dueOn)})`;
  const note = t.outcome === undefined ? null
    : lateWording(t.outcome === 'fired' ? { outcome: 'fired', late: t.late ?? false }
      : t.outcome === 'skipped' ? { outcome: 'skipped', because: t.skippedBecause ?? 'late' } : { outcome: 'superseded' });
  return {
    clocks: clocks.map((c) => (c === clock ? { ...c, firedStepIds: [...c.firedStepIds, step.id] } : c)),
    summary: note ? `${what}; ${note}` : what,
  };
}

/**
 * Rules 2: the pending timer `t` if it is due at `at`, with the late-escalation rule applied to a
 * ladder step (escalation/late.ts: decided against the other steps of the same clock due by then);
 * null if it is not due yet. A deadline passing, or a workflow's own timer, is returned as it is.
 */
export function dueWithLateRule<E extends object>(
  t: PendingTimer<E> | undefined,
  at: number,
  clocks: TLadderClock[],
  calendar: Pick<LadderCalendar, 'addWorkingDays'>,
): (E & Pick<TTimerFired, 'outcome' | 'late' | 'skippedBecause'>) | null {
  if (!t || t.fireAt > at) return null;
  const step = t.ladder?.step;
  if (!t.ladder || !step) return t.event;
  const { clock: name, baseline } = t.ladder;
  const clock = clocks.find((c) => c.name === name && c.baseline === baseline);
  const due = pendingLadderTimers(clocks, calendar)
    .filter((x) => x.fireAt <= at && x.clock === name && x.baseline === baseline && x.step)
    .map((x) => ({ kind: x.step!.kind, fireAt: x.fireAt }));
  const d = decideDueStep(due, at, clock?.dueAt ?? t.fireAt);
  if (d.outcome === 'fired') return { ...t.event, outcome: 'fired', late: d.late };
  if (d.outcome === 'skipped') return { ...t.event, outcome: 'skipped', skippedBecause: d.because };
  return { ...t.event, outcome: 'superseded' };
}

export interface LadderClockView extends Omit<TLadderClock, 'status' | 'doneOn'>, ClockOutcomeFields {
  msLeft: number;
  /** The next reminder or escalation this clock will fire, if any. */
  nextStep: { stepId: string | null; label: string; fireAt: number } | null;
}

/** Where every clock stands at `nowMs` (the shared rule, ../clock-outcome): what the Queries return. */
export function ladderClockViews(clocks: TLadderClock[], nowMs: number, calendar: LadderCalendar): LadderClockView[] {
  const timers = pendingLadderTimers(clocks, calendar);
  return clocks.map((c) => {
    const next = timers.find((t) => t.clock === c.name && t.baseline === c.baseline);
    return {
      ...c,
      ...clockOutcome(c, nowMs, calendar),
      msLeft: c.dueAt - nowMs,
      nextStep: next ? { stepId: next.stepId, label: next.step?.label ?? 'Deadline', fireAt: next.fireAt } : null,
    };
  });
}

/** One timeline line; system events (timers) carry no actor. */
export function lifecycleEntry(
  event: { at: number; type: string; actor?: THistoryEntry['actor']; reason?: string | null },
  summary: string,
): THistoryEntry {
  return { at: event.at, type: event.type, actor: event.actor ?? null, reason: event.reason ?? null, summary };
}

/** A business date may be today or earlier, never in the future (London calendar). */
export function assertNotInFuture(what: string, date: string, at: number): void {
  const today = londonDateOf(at);
  if (date > today) throw new LifecycleRejection(`${what} (${formatLongDate(date)}) is in the future; today is ${formatLongDate(today)}`);
}

/** The next thing a lifecycle workflow must do by itself: apply `event` at `fireAt`, and record the escalation if any. */
export interface PendingTimer<E> {
  fireAt: number;
  event: E;
  ladder: LadderTimer | null;
}

/** The earliest ladder timer as a `timer_fired` event. */
export function nextLadderTimer(
  clocks: TLadderClock[],
  calendar: Pick<LadderCalendar, 'addWorkingDays'>,
): PendingTimer<{ type: 'timer_fired' } & TTimerFired> | undefined {
  const t = pendingLadderTimers(clocks, calendar)[0];
  if (!t) return undefined;
  return { fireAt: t.fireAt, event: { type: 'timer_fired', clock: t.clock, baseline: t.baseline, stepId: t.stepId }, ladder: t };
}
