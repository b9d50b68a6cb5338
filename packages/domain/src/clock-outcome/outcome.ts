/**
 * Where a clock stands, one rule for every clock the system keeps (the programme's statutory and plan
 * clocks, and the ladder clocks of visits, interventions and information requests), so every screen
 * and the board pack say the same thing about the same clock.
 *
 * A clock that has stopped counts no more days: "done N working days late" counts the working days
 * between the due date and the business date the thing was done (report published, plan submitted,
 * milestone completed), never to today and never to the day it was typed in. Zod-free: the workflows'
 * queries use it too.
 */
import { londonDateOf } from '../calendar/london-time.js';

/**
 * running: before the due date, not done. overdue: past it, not done. met: done by the due date.
 * breached: done, but after the due date. closed: stopped without being done (a new cycle, withdrawn).
 */
export const CLOCK_OUTCOMES = ['running', 'overdue', 'met', 'breached', 'closed'] as const;
export type TClockOutcome = (typeof CLOCK_OUTCOMES)[number];

/**
 * What a clock view adds to the stored clock. `status` is the shared vocabulary; the status the
 * workflow's state keeps is `recordedStatus`, which is what a projection rebuilt from a query stores
 * (see stateOfView).
 */
export interface ClockOutcomeFields {
  status: TClockOutcome;
  recordedStatus: string;
  /** The business date it was done; null while open or when stopped without being done. */
  doneOn: string | null;
  /**
   * Working days from today (London) to the due date while open, negative once overdue; once
   * stopped, counted from the day it was done (or stopped) instead, so it no longer moves.
   */
  workingDaysLeft: number;
  /** Done late: the working days between the due date and the day it was done. Else null. */
  workingDaysLate: number | null;
}

/** The stored fields the rule reads; programme clocks and ladder clocks both have them. */
export interface ClockFacts {
  status: string;
  dueOn: string;
  dueAt: number;
  closedAt: number | null;
  doneOn?: string | null | undefined;
  /** Ladder clocks: a 'reminder' clock only reminds and is never overdue. */
  mode?: 'deadline' | 'reminder';
}

/**
 * The clock as at `nowMs`. `fallbackDoneOn` is the business date to use for a clock done before
 * clocks kept their own `doneOn` (the programme passes its plan's submission date).
 */
export function clockOutcome(
  c: ClockFacts,
  nowMs: number,
  calendar: { workingDaysBetween(a: string, b: string): number },
  fallbackDoneOn?: string | null,
): ClockOutcomeFields {
  return { ...outcome(c, nowMs, calendar, fallbackDoneOn), recordedStatus: c.status };
}

function outcome(
  c: ClockFacts,
  nowMs: number,
  calendar: { workingDaysBetween(a: string, b: string): number },
  fallbackDoneOn?: string | null,
): Omit<ClockOutcomeFields, 'recordedStatus'> {
  const done = c.status === 'met' || (c.status === 'breached' && c.closedAt !== null);
  if (done) {
    // Older states did not keep the business date: the day it was recorded is the best left.
    const doneOn = c.doneOn ?? fallbackDoneOn ?? londonDateOf(c.closedAt ?? nowMs);
    const workingDaysLeft = calendar.workingDaysBetween(doneOn, c.dueOn);
    const late = c.status === 'breached' || doneOn > c.dueOn;
    return { status: late ? 'breached' : 'met', doneOn, workingDaysLeft, workingDaysLate: late ? Math.max(0, -workingDaysLeft) : null };
  }
  if (c.closedAt !== null) {
    return { status: 'closed', doneOn: null, workingDaysLeft: calendar.workingDaysBetween(londonDateOf(c.closedAt), c.dueOn), workingDaysLate: null };
  }
  const workingDaysLeft = calendar.workingDaysBetween(londonDateOf(nowMs), c.dueOn);
  const past = c.status === 'overdue' || c.status === 'breached' || nowMs >= c.dueAt;
  return { status: past && c.mode !== 'reminder' ? 'overdue' : 'running', doneOn: null, workingDaysLeft, workingDaysLate: null };
}

/**
 * A state as the workflow holds it, from a query's view (the view's clocks say `status` in the shared
 * vocabulary; the state keeps `recordedStatus`): for re-projecting a read model from a query.
 */
export function stateOfView<T extends { clocks?: unknown }>(view: T): T {
  const clocks = (view as { clocks?: unknown }).clocks;
  if (!Array.isArray(clocks)) return view;
  return {
    ...view,
    clocks: clocks.map((c: Record<string, unknown>) => {
      if (!c || typeof c !== 'object' || !('recordedStatus' in c)) return c;
      const { recordedStatus, ...rest } = c;
      return { ...rest, status: recordedStatus };
    }),
  };
}
