/**
 * Public API of the working-day calendar: ISO calendar dates, UK bank holidays (bundled GOV.UK
 * snapshot + rules + admin overrides), working-day arithmetic per SI 2007/462, Europe/London
 * time helpers and the configurable statutory clocks. Everything here is pure and deterministic,
 * so it is safe to use inside Temporal workflows.
 */
export {
  addDays,
  addMonths,
  compareIsoDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  fromDayNumber,
  isIsoDate,
  inputDateProblem,
  INPUT_DATE_MAX,
  INPUT_DATE_MIN,
  isoDateProblem,
  isWeekend,
  isoDateFromUtcDate,
  isoDateParts,
  isoDateToUtcDate,
  parseIsoDate,
  toDayNumber,
  type DayOfWeek,
  type IsoDate,
  type IsoDateParts,
} from './iso-date.js';

export {
  SUBSTITUTE_DAY,
  UK_DIVISIONS,
  type BankHoliday,
  type BankHolidayRecord,
  type UkDivision,
} from './bank-holiday-types.js';
export { easterSunday, goodFriday, ruleBasedBankHolidays } from './bank-holiday-rules.js';
export { BANK_HOLIDAY_SNAPSHOT } from './bank-holidays-data.js';
export {
  bankHolidayOrigin,
  bankHolidaysFor,
  bundledBankHolidays,
  isSnapshotYear,
  type BankHolidayOrigin,
} from './bank-holidays.js';

export {
  checkedOverrides,
  overridesFingerprint,
  overridesProblems,
  type OverridesProblem,
  type TCalendarOverrides,
  type TCalendarOverridesInput,
  type THolidayAddition,
} from './calendar-overrides.js';
export {
  WorkingDayCalendar,
  type CalendarHoliday,
  type TWorkingDayCalendarOptionsInput,
} from './working-day-calendar.js';

export {
  endOfLondonDayUtcMs,
  londonDateOf,
  londonMidnightUtcMs,
  londonOffsetMinutes,
  ukClockChangesUtcMs,
} from './london-time.js';

export {
  DEFAULT_CLOCKS,
  clockDate,
  type TClockConfig,
  type TClockEntry,
  type TMonthClock,
  type TWorkingDayClock,
  type WorkingDayAdder,
} from './clock-config.js';
export * from './format.js';
export {
  ZCalendarOverrides,
  ZClockConfig,
  ZClockEntry,
  ZHolidayAddition,
  ZIsoDate,
  ZStoredIsoDate,
  ZMonthClock,
  ZUkDivision,
  ZWorkingDayCalendarOptions,
  ZWorkingDayClock,
} from './schemas.js';
