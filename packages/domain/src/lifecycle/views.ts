import { clockOutcome, type ClockOutcomeFields } from '../clock-outcome/outcome.js';
import type { TClock, TProgrammeState } from './state.js';

/**
 * A programme clock as at an instant. `status` is the shared clock vocabulary (../clock-outcome):
 * an open clock past its date is 'overdue', one done late 'breached', one stopped undone 'closed'.
 */
export interface ClockView extends Omit<TClock, 'status' | 'doneOn'>, ClockOutcomeFields {
  msLeft: number;
}

/** Where every clock stands at `nowMs`: what queries, the read model and the board pack show. */
export function clockViews(
  state: Pick<TProgrammeState, 'clocks'> & Partial<Pick<TProgrammeState, 'planSubmittedOn'>>,
  nowMs: number,
  calendar: { workingDaysBetween(a: string, b: string): number },
): ClockView[] {
  return state.clocks.map((c) => ({
    ...c,
    // Plans submitted before clocks kept their own done date still have the date on the state.
    ...clockOutcome(c, nowMs, calendar, c.name === 'actionPlan' ? state.planSubmittedOn : null),
    msLeft: c.dueAt - nowMs,
  }));
}
