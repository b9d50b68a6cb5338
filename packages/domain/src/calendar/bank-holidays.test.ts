import { describe, it, expect } from 'vitest';
import Holidays from 'date-holidays';
import { isWeekend, isIsoDate } from './iso-date.js';
import { UK_DIVISIONS, type UkDivision } from './bank-holiday-types.js';
import { easterSunday, goodFriday, ruleBasedBankHolidays } from './bank-holiday-rules.js';
import { bankHolidayOrigin, bankHolidaysFor, bundledBankHolidays } from './bank-holidays.js';
import { BANK_HOLIDAY_SNAPSHOT } from './bank-holidays-data.js';

const TABLE_YEARS = Array.from({ length: 10 }, (_, i) => 2018 + i);
const CHECK_YEARS = Array.from({ length: 18 }, (_, i) => 2018 + i); // 2018–2035

/**
 * The one-off changes GOV.UK made to the regular pattern in the table years. They apply to all
 * three divisions. Anything else that differs between rules and table is a data error.
 */
const ONE_OFFS: Record<number, { removed: string[]; added: string[] }> = {
  2020: { removed: ['2020-05-04 Early May bank holiday'], added: ['2020-05-08 Early May bank holiday (VE day)'] },
  2022: {
    removed: ['2022-05-30 Spring bank holiday'],
    added: [
      '2022-06-02 Spring bank holiday',
      '2022-06-03 Platinum Jubilee bank holiday',
      '2022-09-19 Bank Holiday for the State Funeral of Queen Elizabeth II',
    ],
  },
  2023: { removed: [], added: ['2023-05-08 Bank holiday for the coronation of King Charles III'] },
};

const label = (h: { date: string; title: string }): string => `${h.date} ${h.title}`;

const DH_STATE: Record<UkDivision, string> = { 'england-and-wales': 'ENG', scotland: 'SCT', 'northern-ireland': 'NIR' };

/** Weekday public holidays per date-holidays (it also lists the weekend days that substitutes replace). */
function dateHolidaysWeekdays(division: UkDivision, year: number): string[] {
  const hd = new Holidays('GB', DH_STATE[division]);
  const days = (hd.getHolidays(year) || [])
    .filter((h) => h.type === 'public')
    .map((h) => h.date.slice(0, 10))
    .filter((d) => !isWeekend(d));
  return [...new Set(days)].sort();
}

describe('Easter', () => {
  it('matches known Easter Sundays (anonymous Gregorian algorithm)', () => {
    const known: Record<number, string> = {
      1961: '1961-04-02', 2000: '2000-04-23', 2008: '2008-03-23', 2011: '2011-04-24', 2019: '2019-04-21',
      2024: '2024-03-31', 2025: '2025-04-20', 2026: '2026-04-05', 2027: '2027-03-28', 2038: '2038-04-25',
    };
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year))).toBe(date);
    expect(goodFriday(2026)).toBe('2026-04-03');
  });
});

describe('bundled England and Wales table', () => {
  const table = bundledBankHolidays('england-and-wales');

  it('covers 2018–2027 with valid, weekday, sorted, unique dates', () => {
    expect(BANK_HOLIDAY_SNAPSHOT).toMatchObject({ firstYear: 2018, lastYear: 2027 });
    const dates = table.map((h) => h.date);
    expect(dates.every(isIsoDate)).toBe(true);
    expect(dates.some((d) => isWeekend(d))).toBe(false);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    expect(new Set(dates.map((d) => d.slice(0, 4)))).toEqual(new Set(TABLE_YEARS.map(String)));
  });

  it('includes the one-off days of 2020, 2022 and 2023', () => {
    const byDate = new Map(table.map((h) => [h.date, h.title]));
    expect(byDate.get('2020-05-08')).toBe('Early May bank holiday (VE day)');
    expect(byDate.has('2020-05-04')).toBe(false);
    expect(byDate.get('2022-06-02')).toBe('Spring bank holiday');
    expect(byDate.get('2022-06-03')).toBe('Platinum Jubilee bank holiday');
    expect(byDate.has('2022-05-30')).toBe(false);
    expect(byDate.get('2022-09-19')).toBe('Bank Holiday for the State Funeral of Queen Elizabeth II');
    expect(byDate.get('2023-05-08')).toBe('Bank holiday for the coronation of King Charles III');
  });

  it('marks substitute days the way GOV.UK does', () => {
    const subs = table.filter((h) => h.notes === 'Substitute day').map(label);
    expect(subs).toEqual([
      '2020-12-28 Boxing Day',
      '2021-12-27 Christmas Day',
      '2021-12-28 Boxing Day',
      '2022-01-03 New Year’s Day',
      '2022-12-27 Christmas Day',
      '2023-01-02 New Year’s Day',
      '2026-12-28 Boxing Day',
      '2027-12-27 Christmas Day',
      '2027-12-28 Boxing Day',
    ]);
    // 2022: Boxing Day keeps Mon 26 Dec; Christmas Day is the substitute on Tue 27 Dec.
    expect(table.find((h) => h.date === '2022-12-26')).toEqual({ date: '2022-12-26', title: 'Boxing Day', notes: '' });
  });
});

describe('rules versus the bundled tables', () => {
  for (const division of UK_DIVISIONS) {
    it(`${division}: rules reproduce every regular year exactly, and only the known one-offs differ`, () => {
      for (const year of TABLE_YEARS) {
        const table = bankHolidaysFor(division, year);
        const rules = ruleBasedBankHolidays(division, year);
        const oneOff = ONE_OFFS[year];
        if (!oneOff) {
          expect(table, `${division} ${year}`).toEqual(rules);
          continue;
        }
        const t = new Set(table.map(label));
        const r = new Set(rules.map(label));
        expect([...r].filter((x) => !t.has(x)), `${division} ${year} removed`).toEqual(oneOff.removed);
        expect([...t].filter((x) => !r.has(x)), `${division} ${year} added`).toEqual(oneOff.added);
        // Notes of shared entries agree too.
        const notes = new Map(rules.map((h) => [label(h), h.notes]));
        for (const h of table) if (notes.has(label(h))) expect(h.notes).toBe(notes.get(label(h)));
      }
    });
  }

  it('uses the snapshot inside 2018–2027 and rules outside', () => {
    expect(bankHolidayOrigin(2017)).toBe('rules');
    expect(bankHolidayOrigin(2018)).toBe('snapshot');
    expect(bankHolidayOrigin(2027)).toBe('snapshot');
    expect(bankHolidayOrigin(2028)).toBe('rules');
    expect(bankHolidaysFor('england-and-wales', 2028).map(label)).toEqual([
      '2028-01-03 New Year’s Day', '2028-04-14 Good Friday', '2028-04-17 Easter Monday',
      '2028-05-01 Early May bank holiday', '2028-05-29 Spring bank holiday', '2028-08-28 Summer bank holiday',
      '2028-12-25 Christmas Day', '2028-12-26 Boxing Day',
    ]);
    expect(() => bankHolidaysFor('england-and-wales', 2026.5)).toThrow(RangeError);
  });
});

describe('cross-check against date-holidays (GB, public holidays only)', () => {
  for (const division of UK_DIVISIONS) {
    it(`${division}: observed dates agree for 2018–2035 (table + rules)`, () => {
      for (const year of CHECK_YEARS) {
        const ours = bankHolidaysFor(division, year).map((h) => h.date);
        expect(ours, `${division} ${year}`).toEqual(dateHolidaysWeekdays(division, year));
      }
    });

    it(`${division}: the bare rules agree for every regular year 2018–2035`, () => {
      for (const year of CHECK_YEARS.filter((y) => !ONE_OFFS[y])) {
        const ours = ruleBasedBankHolidays(division, year).map((h) => h.date);
        expect(ours, `${division} ${year}`).toEqual(dateHolidaysWeekdays(division, year));
      }
    });
  }
});

describe('Scotland and Northern Ireland specifics', () => {
  it('Scotland: 2nd January, St Andrew’s Day substitutes, first-Monday summer holiday, no Easter Monday', () => {
    const sc2023 = bankHolidaysFor('scotland', 2023).map((h) => `${label(h)} ${h.notes}`.trim());
    expect(sc2023.slice(0, 2)).toEqual(['2023-01-02 New Year’s Day Substitute day', '2023-01-03 2nd January Substitute day']);
    expect(bankHolidaysFor('scotland', 2025).map(label)).toContain('2025-12-01 St Andrew’s Day');
    expect(bankHolidaysFor('scotland', 2026).map(label)).toContain('2026-08-03 Summer bank holiday');
    expect(bankHolidaysFor('scotland', 2026).some((h) => h.title === 'Easter Monday')).toBe(false);
  });

  it('Northern Ireland: St Patrick’s Day and the Boyne move to Monday', () => {
    const ni = [2024, 2025, 2026].flatMap((y) => bankHolidaysFor('northern-ireland', y)).map(label);
    expect(ni).toContain('2024-03-18 St Patrick’s Day');
    expect(ni).toContain('2025-07-14 Battle of the Boyne (Orangemen’s Day)');
    expect(ni).toContain('2026-07-13 Battle of the Boyne (Orangemen’s Day)');
  });
});
