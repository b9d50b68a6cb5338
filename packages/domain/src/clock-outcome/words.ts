/**
 * The words for where a clock stands: the console's clock tables, the "as at" panel and the board
 * pack all call this, with the view that clockOutcome (./outcome.ts) gives, so they cannot disagree.
 */
import type { TClockOutcome } from './outcome.js';

const workingDays = (n: number) => `${n} ${n === 1 ? 'working day' : 'working days'}`;

/** The status as a tag says it. */
export const CLOCK_OUTCOME_LABELS: Record<TClockOutcome, string> = {
  running: 'Running',
  overdue: 'Overdue',
  met: 'Met',
  breached: 'Met late',
  closed: 'Stopped',
};

/**
 * "12 working days", "Due today", "4 working days overdue", "Done on time", "Done, 3 working days
 * late", "Stopped". Takes only the status and working days left, which is all the board pack keeps.
 */
export function clockProgressText(c: { status: string; workingDaysLeft: number | null | undefined }): string {
  const left = c.workingDaysLeft;
  switch (c.status) {
    case 'met':
      return 'Done on time';
    case 'breached': {
      const late = left == null ? 0 : Math.max(0, -left);
      // Done on a weekend or bank holiday just after the due date: late, but by no whole working day.
      return late > 0 ? `Done, ${workingDays(late)} late` : 'Done after the due date, within a working day';
    }
    case 'closed':
      return 'Stopped';
    default:
      if (left == null) return 'Not applicable';
      if (c.status === 'overdue' && left >= 0) return 'Overdue';
      if (left === 0) return 'Due today';
      return left < 0 ? `${workingDays(-left)} overdue` : workingDays(left);
  }
}

/** Still counting and past its deadline (shown in the error colour). */
export function clockIsOverdue(c: { status: string }): boolean {
  return c.status === 'overdue';
}
