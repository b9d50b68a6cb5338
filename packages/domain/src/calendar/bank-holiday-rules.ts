/**
 * Rule-based bank holidays, used for years outside the bundled GOV.UK snapshot.
 *
 * Why rules at all: GOV.UK's feed only covers a year or two ahead and drops old years, while an
 * improvement programme's history (and its audit replay) spans many years, and a 70-working-day
 * clock started in November must already know next spring's Easter.
 *
 * What the rules model: the regular pattern in force since 1978 (Banking and Financial Dealings
 * Act 1971 plus the early-May holiday). They cannot know one-off days (jubilees, coronations,
 * state funerals, moved holidays); those come from the bundled table or from admin overrides.
 * Titles and notes copy GOV.UK's wording, including its typographic apostrophes, so a rules year
 * is indistinguishable from a table year.
 */
import {
  addDays,
  dayOfWeek,
  daysInMonth,
  formatIsoDate,
  isWeekend,
  type IsoDate,
} from './iso-date.js';
import { SUBSTITUTE_DAY, type BankHoliday, type UkDivision } from './bank-holiday-types.js';

/**
 * Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher). Integer-only, so it is exact for any year.
 */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate({ year, month, day });
}

/** Good Friday of `year` (Easter Sunday − 2). Named in SI 2007/462, so it is exported for checks. */
export function goodFriday(year: number): IsoDate {
  return addDays(easterSunday(year), -2);
}

/** First Monday of `month` (1–12). */
function firstMonday(year: number, month: number): IsoDate {
  const first = formatIsoDate({ year, month, day: 1 });
  return addDays(first, (8 - dayOfWeek(first)) % 7);
}

/** Last Monday of `month` (1–12). */
function lastMonday(year: number, month: number): IsoDate {
  const last = formatIsoDate({ year, month, day: daysInMonth(year, month) });
  return addDays(last, -((dayOfWeek(last) + 6) % 7));
}

/** A holiday on its own date, or — if that is a weekend — the following Monday as a substitute. */
function fixedWithMondaySubstitute(year: number, month: number, day: number, title: string): BankHoliday {
  const nominal = formatIsoDate({ year, month, day });
  if (!isWeekend(nominal)) return { date: nominal, title, notes: '' };
  const dow = dayOfWeek(nominal);
  return { date: addDays(nominal, dow === 6 ? 2 : 1), title, notes: SUBSTITUTE_DAY };
}

/**
 * Christmas Day and Boxing Day. GOV.UK's pattern: a day that falls on a weekday keeps its date,
 * and a weekend one moves to the next weekday not already taken. So when Christmas is a Sunday,
 * Boxing Day stays on Monday 26th and Christmas is substituted on Tuesday 27th (as in 2022).
 */
function christmasAndBoxingDay(year: number): BankHoliday[] {
  const christmas = formatIsoDate({ year, month: 12, day: 25 });
  const boxing = formatIsoDate({ year, month: 12, day: 26 });
  switch (dayOfWeek(christmas)) {
    case 5: // Fri: Boxing Day (Sat) moves to Mon 28
      return [
        { date: christmas, title: 'Christmas Day', notes: '' },
        { date: addDays(christmas, 3), title: 'Boxing Day', notes: SUBSTITUTE_DAY },
      ];
    case 6: // Sat: both move, to Mon 27 and Tue 28
      return [
        { date: addDays(christmas, 2), title: 'Christmas Day', notes: SUBSTITUTE_DAY },
        { date: addDays(christmas, 3), title: 'Boxing Day', notes: SUBSTITUTE_DAY },
      ];
    case 0: // Sun: Boxing Day keeps Mon 26, Christmas moves to Tue 27
      return [
        { date: boxing, title: 'Boxing Day', notes: '' },
        { date: addDays(christmas, 2), title: 'Christmas Day', notes: SUBSTITUTE_DAY },
      ];
    default:
      return [
        { date: christmas, title: 'Christmas Day', notes: '' },
        { date: boxing, title: 'Boxing Day', notes: '' },
      ];
  }
}

/**
 * Scotland's New Year's Day and 2nd January occupy the first two weekdays from 1 January.
 * Unlike Christmas, GOV.UK labels them in calendar order even when only 1 January is a weekend
 * (2023: Mon 2 Jan = New Year's Day substitute, Tue 3 Jan = 2nd January substitute).
 */
function scottishNewYear(year: number): BankHoliday[] {
  const out: BankHoliday[] = [];
  const titles = ['New Year’s Day', '2nd January'] as const;
  let d = formatIsoDate({ year, month: 1, day: 1 });
  for (const [i, title] of titles.entries()) {
    while (isWeekend(d)) d = addDays(d, 1);
    const nominal = formatIsoDate({ year, month: 1, day: i + 1 });
    out.push({ date: d, title, notes: d === nominal ? '' : SUBSTITUTE_DAY });
    d = addDays(d, 1);
  }
  return out;
}

/**
 * The regular bank holidays of `division` in `year`, sorted by date, as GOV.UK would list them
 * if the year had no one-off changes.
 */
export function ruleBasedBankHolidays(division: UkDivision, year: number): BankHoliday[] {
  const easter = easterSunday(year);
  const out: BankHoliday[] = [];
  if (division === 'scotland') {
    out.push(...scottishNewYear(year));
  } else {
    out.push(fixedWithMondaySubstitute(year, 1, 1, 'New Year’s Day'));
  }
  if (division === 'northern-ireland') {
    out.push(fixedWithMondaySubstitute(year, 3, 17, 'St Patrick’s Day'));
  }
  out.push({ date: addDays(easter, -2), title: 'Good Friday', notes: '' });
  // Easter Monday is not a bank holiday in Scotland.
  if (division !== 'scotland') out.push({ date: addDays(easter, 1), title: 'Easter Monday', notes: '' });
  out.push({ date: firstMonday(year, 5), title: 'Early May bank holiday', notes: '' });
  out.push({ date: lastMonday(year, 5), title: 'Spring bank holiday', notes: '' });
  if (division === 'northern-ireland') {
    out.push(fixedWithMondaySubstitute(year, 7, 12, 'Battle of the Boyne (Orangemen’s Day)'));
  }
  // Scotland's summer holiday is the first Monday of August; elsewhere the last.
  out.push({
    date: division === 'scotland' ? firstMonday(year, 8) : lastMonday(year, 8),
    title: 'Summer bank holiday',
    notes: '',
  });
  if (division === 'scotland') {
    out.push(fixedWithMondaySubstitute(year, 11, 30, 'St Andrew’s Day'));
  }
  out.push(...christmasAndBoxingDay(year));
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
