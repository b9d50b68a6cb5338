import { DEFAULT_CLOCKS } from '../calendar/clock-config.js';
import { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { type TCalendarOverridesInput } from '../calendar/calendar-overrides.js';
import type { LifecycleContext } from './reducer.js';
import type { TLadder } from '../escalation/ladder.js';
import { PROGRAMME_CLOCK_LADDERS } from './clock-ladders.js';

let cached: WorkingDayCalendar | null = null;

/** The England & Wales working-day calendar with no admin overrides (shared, immutable). */
export function defaultCalendar(): WorkingDayCalendar {
  cached ??= new WorkingDayCalendar({ division: 'england-and-wales' });
  return cached;
}

/** The context workflows and the audit replay run the reducer with. */
export function defaultLifecycleContext(overrides?: TCalendarOverridesInput): LifecycleContext & { calendar: WorkingDayCalendar } {
  const calendar = overrides ? new WorkingDayCalendar({ division: 'england-and-wales', overrides }) : defaultCalendar();
  return { calendar, clocks: DEFAULT_CLOCKS };
}

/**
 * The context for a programme as configured: its calendar overrides and ladders. Cached by value,
 * so a workflow can call it on every event without rebuilding the calendar.
 */
const contextCache = new Map<string, LifecycleContext & { calendar: WorkingDayCalendar }>();
export function programmeContext(config: { ladders: Record<string, TLadder>; calendarOverrides?: TCalendarOverridesInput | undefined }): LifecycleContext & { calendar: WorkingDayCalendar } {
  const key = JSON.stringify(config);
  let ctx = contextCache.get(key);
  if (!ctx) {
    const base = defaultLifecycleContext(config.calendarOverrides);
    ctx = { ...base, ladders: { ...PROGRAMME_CLOCK_LADDERS, ...config.ladders } };
    if (contextCache.size > 50) contextCache.clear();
    contextCache.set(key, ctx);
  }
  return ctx;
}
