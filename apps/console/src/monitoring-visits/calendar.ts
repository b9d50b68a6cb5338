import { addDays } from '@ip/domain';

/** One dated event on the visits calendar. */
export interface TCalendarEvent {
  on: string;
  label: string;
  visitId: string;
}

/** "2026-06": the month a date falls in. */
export const monthOf = (isoDate: string): string => isoDate.slice(0, 7);

/** The month after (+1) or before (-1) "2026-06". */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The weeks of a month as a Monday-first grid of ISO dates; days of the neighbouring months that
 * fill the first and last weeks are null.
 */
export function monthGrid(month: string): (string | null)[][] {
  const first = `${month}-01`;
  const weekday = (new Date(`${first}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const days: (string | null)[] = Array.from({ length: weekday }, () => null);
  for (let d = first; monthOf(d) === month; d = addDays(d, 1)) days.push(d);
  while (days.length % 7 !== 0) days.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}
