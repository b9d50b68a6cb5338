import { formatWorkingDaysLeft } from '../format';
import type { TProgrammeClock } from './types';

const days = (n: number) => `${n} ${n === 1 ? 'working day' : 'working days'}`;

/**
 * What the "Working days" column says about one statutory clock. A clock that has stopped counts no
 * more days: met on time is "Done", met late is "Done, 3 working days late" (never "overdue", which
 * would tell the board it is still outstanding), stopped without a judgement is "Stopped".
 */
export function clockCountdownText(clock: Pick<TProgrammeClock, 'status' | 'workingDaysLeft' | 'closedAt' | 'workingDaysLate'>): string {
  const closed = clock.closedAt != null;
  if (clock.status === 'met') return 'Done on time';
  if (clock.status === 'breached' && closed) {
    const late = clock.workingDaysLate ?? 0;
    return late > 0 ? `Done, ${days(late)} late` : 'Done, late';
  }
  if (closed) return 'Stopped';
  if (clock.workingDaysLeft === 0) return 'Due today';
  return formatWorkingDaysLeft(clock.workingDaysLeft);
}

/** Whether the clock is still counting and past its deadline (shown in the error colour). */
export function clockIsOverdue(clock: Pick<TProgrammeClock, 'closedAt' | 'workingDaysLeft' | 'status'>): boolean {
  return clock.closedAt == null && clock.status !== 'met' && (clock.workingDaysLeft ?? 0) < 0;
}
