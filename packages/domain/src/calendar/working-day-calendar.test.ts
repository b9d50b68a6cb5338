import { describe, it, expect } from 'vitest';
import { WorkingDayCalendar } from './working-day-calendar.js';
import { addDays, dayOfWeek } from './iso-date.js';

const cal = new WorkingDayCalendar();

describe('worked examples: report received Mon 3 Nov 2025 (day 0, not counted)', () => {
  it('+20 WD = Mon 1 Dec 2025 (priority-action draft)', () => {
    expect(cal.addWorkingDays('2025-11-03', 20)).toBe('2025-12-01');
  });

  it('+30 WD = Mon 15 Dec 2025 (publish report)', () => {
    expect(cal.addWorkingDays('2025-11-03', 30)).toBe('2025-12-15');
  });

  it('+70 WD = Thu 12 Feb 2026 (action plan), skipping 25–26 Dec 2025 and 1 Jan 2026', () => {
    expect(cal.addWorkingDays('2025-11-03', 70)).toBe('2026-02-12');
    expect(dayOfWeek('2026-02-12')).toBe(4);
    const skipped = cal.holidaysIn('2025-11-04', '2026-02-12').map((h) => h.date);
    expect(skipped).toEqual(['2025-12-25', '2025-12-26', '2026-01-01']);
    // Without those three holidays the 70th weekday would fall three weekdays earlier.
    expect(cal.addWorkingDays('2025-11-03', 67)).toBe('2026-02-09');
  });
});

describe('holidays are skipped', () => {
  it('across Easter 2026: Fri 20 Mar + 20 WD = Tue 21 Apr (Good Friday 3 Apr and Easter Monday 6 Apr skipped)', () => {
    // Hand count: 23–27 Mar (5), 30 Mar–2 Apr (9), [3 Apr GF, 6 Apr EM], 7–10 Apr (13),
    // 13–17 Apr (18), 20 Apr (19), 21 Apr (20).
    expect(cal.addWorkingDays('2026-03-20', 20)).toBe('2026-04-21');
    expect(cal.isWorkingDay('2026-04-03')).toBe(false);
    expect(cal.isWorkingDay('2026-04-06')).toBe(false);
    expect(cal.holidayOn('2026-04-03')?.title).toBe('Good Friday');
  });

  it('substitute days: 27/28 Dec 2021 and 3 Jan 2022', () => {
    expect(cal.isWorkingDay('2021-12-27')).toBe(false);
    expect(cal.isWorkingDay('2021-12-28')).toBe(false);
    expect(cal.isWorkingDay('2022-01-03')).toBe(false);
    expect(cal.holidayOn('2021-12-27')).toMatchObject({ title: 'Christmas Day', notes: 'Substitute day', origin: 'snapshot' });
    expect(cal.nextWorkingDay('2021-12-24')).toBe('2021-12-29');
    expect(cal.nextWorkingDay('2021-12-31')).toBe('2022-01-04');
  });

  it('2022 one-offs: 2 and 3 June, 19 September; 30 May was a working day', () => {
    for (const d of ['2022-06-02', '2022-06-03', '2022-09-19']) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2022-05-30')).toBe(true);
    expect(cal.addWorkingDays('2022-06-01', 1)).toBe('2022-06-06');
    expect(cal.addWorkingDays('2022-09-16', 1)).toBe('2022-09-20');
  });

  it('weekends are never working days; an ordinary weekday is', () => {
    expect(cal.isWorkingDay('2026-03-28')).toBe(false);
    expect(cal.isWorkingDay('2026-03-29')).toBe(false);
    expect(cal.isWorkingDay('2026-03-30')).toBe(true);
  });

  it('uses the rules outside the snapshot years', () => {
    expect(cal.holidayOn('2030-04-19')).toMatchObject({ title: 'Good Friday', origin: 'rules' });
    expect(cal.holidaysIn('2017-12-20', '2018-01-05').map((h) => `${h.date} ${h.origin}`)).toEqual([
      '2017-12-25 rules', '2017-12-26 rules', '2018-01-01 snapshot',
    ]);
  });
});

describe('negative n, n = 0 and the inverse', () => {
  it('counts backwards without counting the start day', () => {
    expect(cal.addWorkingDays('2026-02-12', -70)).toBe('2025-11-03');
    expect(cal.addWorkingDays('2025-12-01', -20)).toBe('2025-11-03');
    expect(cal.addWorkingDays('2026-01-02', -1)).toBe('2025-12-31');
    expect(cal.previousWorkingDay('2025-12-29')).toBe('2025-12-24');
  });

  it('n = 0 returns the date unchanged, even on a non-working day', () => {
    expect(cal.addWorkingDays('2025-12-25', 0)).toBe('2025-12-25');
  });

  it('counts from a non-working start day the same way (the start is day 0)', () => {
    expect(cal.addWorkingDays('2025-11-01', 1)).toBe('2025-11-03'); // Saturday + 1 = Monday
    expect(cal.addWorkingDays('2025-12-25', 1)).toBe('2025-12-29');
  });

  it('workingDaysBetween is the exact inverse of addWorkingDays, both directions', () => {
    const starts = ['2025-11-03', '2025-12-24', '2025-12-27', '2026-04-03', '2022-06-01', '2027-12-24'];
    for (const d of starts) {
      for (const n of [-300, -71, -20, -5, -1, 0, 1, 2, 5, 20, 30, 70, 250]) {
        expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, n)), `${d} ${n}`).toBe(n);
      }
    }
  });

  it('workingDaysBetween counts days after a up to and including b', () => {
    expect(cal.workingDaysBetween('2025-11-03', '2026-02-12')).toBe(70);
    expect(cal.workingDaysBetween('2025-11-03', '2025-11-03')).toBe(0);
    expect(cal.workingDaysBetween('2025-11-07', '2025-11-10')).toBe(1); // Fri -> Mon
    expect(cal.workingDaysBetween('2025-11-10', '2025-11-07')).toBe(-1);
    expect(cal.workingDaysBetween('2025-12-24', '2025-12-28')).toBe(0); // only holidays and a weekend
  });

  it('rejects a non-integer n and invalid dates', () => {
    expect(() => cal.addWorkingDays('2025-11-03', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-02-29', 1)).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2026-13-01')).toThrow(RangeError);
  });
});

describe('helpers', () => {
  it('nextWorkingDay is strict; workingDayOnOrAfter rolls forward only if needed', () => {
    expect(cal.nextWorkingDay('2025-11-03')).toBe('2025-11-04');
    expect(cal.workingDayOnOrAfter('2025-11-03')).toBe('2025-11-03');
    expect(cal.workingDayOnOrAfter('2025-12-25')).toBe('2025-12-29');
  });

  it('holidaysIn is inclusive, ordered and rejects reversed ranges', () => {
    expect(cal.holidaysIn('2025-12-25', '2025-12-26').map((h) => h.title)).toEqual(['Christmas Day', 'Boxing Day']);
    expect(cal.holidaysIn('2025-12-27', '2025-12-31')).toEqual([]);
    expect(() => cal.holidaysIn('2026-01-02', '2026-01-01')).toThrow(RangeError);
  });

  it('+500 WD on a fresh calendar equals 500 steps of nextWorkingDay, from 200 starts across two years', () => {
    // Speed is the bench's business (the as-at fold runs this calendar on every event); here, that a
    // fresh calendar (loading years as it goes) lands where stepping day by day does.
    for (let i = 0; i < 200; i++) {
      const start = addDays('2025-01-01', i * 3);
      let stepped = start;
      for (let k = 0; k < 500; k++) stepped = cal.nextWorkingDay(stepped);
      expect(new WorkingDayCalendar().addWorkingDays(start, 500), `from ${start}`).toBe(stepped);
    }
  });

  it('answers consistently across years loaded in any order (cache is invisible)', () => {
    const a = new WorkingDayCalendar();
    const b = new WorkingDayCalendar();
    a.isWorkingDay('2035-06-01'); // load a far year first, then walk back
    expect(a.addWorkingDays('2019-01-02', 1500)).toBe(b.addWorkingDays('2019-01-02', 1500));
    expect(a.workingDaysBetween('2034-01-01', '2018-06-01')).toBe(b.workingDaysBetween('2034-01-01', '2018-06-01'));
  });
});

describe('version and source', () => {
  it('names the data and the number of overrides', () => {
    expect(cal.division).toBe('england-and-wales');
    expect(cal.version).toBe('gov.uk england-and-wales snapshot 2018-2027 r1 + rules; overrides: 0');
    expect(cal.source).toContain('https://www.gov.uk/bank-holidays.json');
  });

  it('other divisions are available', () => {
    const scot = new WorkingDayCalendar({ division: 'scotland' });
    expect(scot.isWorkingDay('2026-01-02')).toBe(false);
    expect(scot.isWorkingDay('2026-04-06')).toBe(true); // no Easter Monday in Scotland
    expect(scot.version).toMatch(/^gov\.uk scotland snapshot/);
  });
});
