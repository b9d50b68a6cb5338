import { londonDateOf } from '../calendar/london-time.js';
import type { TClock, TProgrammeState } from './state.js';

export interface ClockView extends TClock {
  /** Working days from today (London) to the due date; negative once overdue. */
  workingDaysLeft: number;
  msLeft: number;
}

/** Time left on every clock at `nowMs`: what queries and the read model show. */
export function clockViews(
  state: Pick<TProgrammeState, 'clocks'>,
  nowMs: number,
  calendar: { workingDaysBetween(a: string, b: string): number },
): ClockView[] {
  const today = londonDateOf(nowMs);
  return state.clocks.map((c) => ({
    ...c,
    workingDaysLeft: calendar.workingDaysBetween(today, c.dueOn),
    msLeft: c.dueAt - nowMs,
  }));
}
