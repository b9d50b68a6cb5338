/**
 * Europe/London wall-clock helpers, computed from the UK's fixed daylight-saving rules rather
 * than `Intl`/tz data.
 *
 * Why not `Intl`: Temporal workflow sandboxes must be deterministic, and a runtime's time-zone
 * database (ICU) can differ between the worker that ran a workflow and the one that replays it.
 * The UK rule has been stable since 1996 (Summer Time Order 2002 codifies it): British Summer
 * Time (UTC+1) runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
 * of October; otherwise GMT (UTC+0). Instants before 1996 are not modelled accurately.
 *
 * Deadlines in this product fall at the END of the due date in London: a plan due on 12 Feb
 * is on time if submitted at any instant before 00:00 London time on 13 Feb.
 */
import { addDays, daysInMonth, fromDayNumber, toDayNumber, type IsoDate } from './iso-date.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/** Day of the month of the last Sunday in `month` (1–12) of `year`. */
function lastSundayOf(year: number, month: number): number {
  const last = daysInMonth(year, month);
  const dow = new Date(Date.UTC(year, month - 1, last)).getUTCDay();
  return last - dow;
}

/**
 * The two UK clock changes of `year` as epoch milliseconds: when BST starts (clocks go forward,
 * 01:00 GMT becomes 02:00 BST) and when it ends (02:00 BST becomes 01:00 GMT).
 */
export function ukClockChangesUtcMs(year: number): { bstStartsMs: number; bstEndsMs: number } {
  return {
    bstStartsMs: Date.UTC(year, 2, lastSundayOf(year, 3), 1),
    bstEndsMs: Date.UTC(year, 9, lastSundayOf(year, 10), 1),
  };
}

function assertInstant(instantMs: number): void {
  if (!Number.isFinite(instantMs)) throw new RangeError(`instant must be a finite number of ms, got ${instantMs}`);
}

/**
 * Europe/London's offset from UTC at an instant, in minutes: 60 during BST, 0 during GMT.
 * @throws RangeError if `instantMs` is not finite.
 */
export function londonOffsetMinutes(instantMs: number): 0 | 60 {
  assertInstant(instantMs);
  // The UTC year is safe to use: both changes are well away from New Year.
  const year = new Date(instantMs).getUTCFullYear();
  const { bstStartsMs, bstEndsMs } = ukClockChangesUtcMs(year);
  return instantMs >= bstStartsMs && instantMs < bstEndsMs ? 60 : 0;
}

/** The calendar date in London at an instant (e.g. 23:30 UTC on 1 June is already 2 June in London). */
export function londonDateOf(instantMs: number): IsoDate {
  const localMs = instantMs + londonOffsetMinutes(instantMs) * MS_PER_MINUTE;
  return fromDayNumber(Math.floor(localMs / MS_PER_DAY));
}

/**
 * The instant (epoch ms) at which `d` begins in London, i.e. 00:00 Europe/London.
 * Midnight always exists and is unambiguous in London, because the clocks change at 01:00 UTC.
 * @throws RangeError for an invalid date.
 */
export function londonMidnightUtcMs(d: IsoDate): number {
  const utcMidnight = toDayNumber(d) * MS_PER_DAY;
  // If London is on BST at local midnight, that midnight is 23:00 UTC the previous day. Testing
  // the offset one hour before UTC midnight is exact: no change happens between 23:00 and 00:00 UTC.
  return londonOffsetMinutes(utcMidnight - MS_PER_HOUR) === 60 ? utcMidnight - MS_PER_HOUR : utcMidnight;
}

/**
 * The instant (epoch ms) at which `d` ends in London: 00:00 Europe/London on the following day.
 * A deadline on `d` is met by any instant strictly before this value.
 * @throws RangeError for an invalid date.
 */
export function endOfLondonDayUtcMs(d: IsoDate): number {
  return londonMidnightUtcMs(addDays(d, 1));
}
