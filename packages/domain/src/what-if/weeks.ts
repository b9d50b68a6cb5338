import { addDays, dayOfWeek } from '../calendar/iso-date.js';
import { londonDateOf } from '../calendar/london-time.js';
import { londonLocalTimeUtcMs } from '../escalation/ladder.js';

/**
 * The instants a week-by-week view samples between `from` and `until`: `from` itself, then noon
 * (Europe/London) on each Monday after it. Noon keeps a sample clear of the deadlines (end of day)
 * and the ladder's morning steps of the same day, so "the week of Monday 2 March" reads as it stood
 * that Monday lunchtime.
 */
export function weeklySamples(from: number, until: number): number[] {
  const out = [from];
  const today = londonDateOf(from);
  let monday = addDays(today, (8 - dayOfWeek(today)) % 7 || 7);
  for (let i = 0; i < 520; i++, monday = addDays(monday, 7)) {
    const at = londonLocalTimeUtcMs(monday, 12, 0);
    if (at > until) break;
    if (at > from) out.push(at);
  }
  return out;
}
