import { DEFAULT_CLOCKS, WorkingDayCalendar, type TCalendarOverridesInput } from '../calendar/index.js';
import type { LifecycleContext } from './reducer.js';

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
