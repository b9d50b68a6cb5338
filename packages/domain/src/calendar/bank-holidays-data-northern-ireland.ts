/**
 * Bank holidays for Northern Ireland: a bundled SNAPSHOT of GOV.UK's feed (nice-to-have; the
 * product's statutory clocks use England and Wales). See bank-holidays-data.ts for the update
 * procedure.
 *
 * Source:    https://www.gov.uk/bank-holidays.json
 * Division:  `northern-ireland`
 * Coverage:  2018 to 2027 inclusive.
 *
 * Differences from England and Wales: St Patrick's Day (17 Mar) and the Battle of the Boyne
 * (12 Jul), each moved to the Monday when it falls at a weekend. 2025–2027 were compared with a
 * published listing of the feed's output; every date is cross-checked against `date-holidays`.
 */
import type { BankHolidayRecord } from './bank-holiday-types.js';

/** Northern Ireland bank holidays 2018–2027, as published by GOV.UK. */
export const NORTHERN_IRELAND_BANK_HOLIDAYS: readonly BankHolidayRecord[] = [
  // 2018
  { date: '2018-01-01', title: 'New Year’s Day', notes: '' },
  { date: '2018-03-19', title: 'St Patrick’s Day', notes: 'Substitute day' },
  { date: '2018-03-30', title: 'Good Friday', notes: '' },
  { date: '2018-04-02', title: 'Easter Monday', notes: '' },
  { date: '2018-05-07', title: 'Early May bank holiday', notes: '' },
  { date: '2018-05-28', title: 'Spring bank holiday', notes: '' },
  { date: '2018-07-12', title: 'Battle of the Boyne (Orangemen’s Day)', notes: '' },
  { date: '2018-08-27', title: 'Summer bank holiday', notes: '' },
  { date: '2018-12-25', title: 'Christmas Day', notes: '' },
  { date: '2018-12-26', title: 'Boxing Day', notes: '' },
  // 2019
  { date: '2019-01-01', title: 'New Year’s Day', notes: '' },
  { date: '2019-03-18', title: 'St Patrick’s Day', notes: 'Substitute day' },
  { date: '2019-04-19', title: 'Good Friday', notes: '' },
  { date: '2019-04-22', title: 'Easter Monday', notes: '' },
  { date: '2019-05-06', title: 'Early May bank holiday', notes: '' },
  { date: '2019-05-27', title: 'Spring bank holiday', notes: '' },
  { date: '2019-07-12', title: 'Battle of the Boyne (Orangemen’s Day)', notes: '' },
  { date: '2019-08-26', title: 'Summer bank holiday', notes: '' },
  { date: '2019-12-25', title: 'Christmas Day', notes: '' },
  { date: '2019-12-26', title: 'Boxing Day', notes: '' },
  // 2020
  { date: '2020-01-01', title: 'New Year’s Day', notes: '' },
  { date: '2020-03-17', title: 'St Patrick’s Day', notes: '' },
  { date: '2020-04-10', title: 'Good Friday', notes: '' },
  { date: '2020-04-13', title: 'Easter Monday', notes: '' },
  { date: '2020-05-08', title: 'Early May bank holiday (VE day)', notes: '' }, // one-off: moved from Mon 4 May (VE Day 75th)
  { date: '2020-05-25', title: 'Spring bank holiday', notes: '' },
  { date: '2020-07-13', title: 'Battle of the Boyne (Orangemen’s Day)', notes: 'Substitute day' },
  { date: '2020-08-31', title: 'Summer bank holiday', notes: '' },
  { date: '2020-12-25', title: 'Christmas Day', notes: '' },
  { date: '2020-12-28', title: 'Boxing Day', notes: 'Substitute day' },
  // 2021
  { date: '2021-01-01', title: 'New Year’s Day', notes: '' },
  { date: '2021-03-17', title: 'St Patrick’s Day', notes: '' },
  { date: '2021-04-02', title: 'Good Friday', notes: '' },
  { date: '2021-04-05', title: 'Easter Monday', notes: '' },
  { date: '2021-05-03', title: 'Early May bank holiday', notes: '' },
  { date: '2021-05-31', title: 'Spring bank holiday', notes: '' },
  { date: '2021-07-12', title: 'Battle of the Boyne (Orangemen’s Day)', notes: '' },
  { date: '2021-08-30', title: 'Summer bank holiday', notes: '' },
  { date: '2021-12-27', title: 'Christmas Day', notes: 'Substitute day' },
  { date: '2021-12-28', title: 'Boxing Day', notes: 'Substitute day' },
  // 2022
  { date: '2022-01-03', title: 'New Year’s Day', notes: 'Substitute day' },
  { date: '2022-03-17', title: 'St Patrick’s Day', notes: '' },
  { date: '2022-04-15', title: 'Good Friday', notes: '' },
  { date: '2022-04-18', title: 'Easter Monday', notes: '' },
  { date: '2022-05-02', title: 'Early May bank holiday', notes: '' },
  { date: '2022-06-02', title: 'Spring bank holiday', notes: '' }, // one-off: moved from Mon 30 May
  { date: '2022-06-03', title: 'Platinum Jubilee bank holiday', notes: '' }, // one-off
  { date: '2022-07-12', title: 'Battle of the Boyne (Orangemen’s Day)', notes: '' },
  { date: '2022-08-29', title: 'Summer bank holiday', notes: '' },
  { date: '2022-09-19', title: 'Bank Holiday for the State Funeral of Queen Elizabeth II', notes: '' }, // one-off
  { date: '2022-12-26', title: 'Boxing Day', notes: '' },
  { date: '2022-12-27', title: 'Christmas Day', notes: 'Substitute day' },
  // 2023
  { date: '2023-01-02', title: 'New Year’s Day', notes: 'Substitute day' },
  { date: '2023-03-17', title: 'St Patrick’s Day', notes: '' },
  { date: '2023-04-07', title: 'Good Friday', notes: '' },
  { date: '2023-04-10', title: 'Easter Monday', notes: '' },
  { date: '2023-05-01', title: 'Early May bank holiday', notes: '' },
  { date: '2023-05-08', title: 'Bank holiday for the coronation of King Charles III', notes: '' }, // one-off
  { date: '2023-05-29', title: 'Spring bank holiday', notes: '' },
  { date: '2023-07-12', title: 'Battle of the Boyne (Orangemen’s Day)', notes: '' },
  { date: '2023-08-28', title: 'Summer bank holiday', notes: '' },
  { date: '2023-12-25', title: 'Christmas Day', notes: '' },
  { date: '2023-12-26', title: 'Boxing Day', notes: '' },
  // 2024
  { date: '2024-01-01', title: 'New Year’s Day', notes: '' },
  { date: '2024-03-18', title: 'St Patrick’s Day', notes: 'Substitute day' },
  { date: '2024-03-29', title: 'Good Friday', notes: '' },
  { date: '2024-04-01', title: 'Easter Monday', notes: '' },
  { date: '2024-05-06', title: 'Early May bank holiday', notes: '' },
  { date: '2024-05-27', title: 'Spring bank holiday', notes: '' },
  { date: '2024-07-12', title: 'Battle of the Boyne (Orangemen’s Day)', notes: '' },
  { date: '2024-08-26', title: 'Summer bank holiday', notes: '' },
  { date: '2024-12-25', title: 'Christmas Day', notes: '' },
  { date: '2024-12-26', title: 'Boxing Day', notes: '' },
  // 2025
  { date: '2025-01-01', title: 'New Year’s Day', notes: '' },
  { date: '2025-03-17', title: 'St Patrick’s Day', notes: '' },
  { date: '2025-04-18', title: 'Good Friday', notes: '' },
  { date: '2025-04-21', title: 'Easter Monday', notes: '' },
  { date: '2025-05-05', title: 'Early May bank holiday', notes: '' },
  { date: '2025-05-26', title: 'Spring bank holiday', notes: '' },
  { date: '2025-07-14', title: 'Battle of the Boyne (Orangemen’s Day)', notes: 'Substitute day' },
  { date: '2025-08-25', title: 'Summer bank holiday', notes: '' },
  { date: '2025-12-25', title: 'Christmas Day', notes: '' },
  { date: '2025-12-26', title: 'Boxing Day', notes: '' },
  // 2026
  { date: '2026-01-01', title: 'New Year’s Day', notes: '' },
  { date: '2026-03-17', title: 'St Patrick’s Day', notes: '' },
  { date: '2026-04-03', title: 'Good Friday', notes: '' },
  { date: '2026-04-06', title: 'Easter Monday', notes: '' },
  { date: '2026-05-04', title: 'Early May bank holiday', notes: '' },
  { date: '2026-05-25', title: 'Spring bank holiday', notes: '' },
  { date: '2026-07-13', title: 'Battle of the Boyne (Orangemen’s Day)', notes: 'Substitute day' },
  { date: '2026-08-31', title: 'Summer bank holiday', notes: '' },
  { date: '2026-12-25', title: 'Christmas Day', notes: '' },
  { date: '2026-12-28', title: 'Boxing Day', notes: 'Substitute day' },
  // 2027
  { date: '2027-01-01', title: 'New Year’s Day', notes: '' },
  { date: '2027-03-17', title: 'St Patrick’s Day', notes: '' },
  { date: '2027-03-26', title: 'Good Friday', notes: '' },
  { date: '2027-03-29', title: 'Easter Monday', notes: '' },
  { date: '2027-05-03', title: 'Early May bank holiday', notes: '' },
  { date: '2027-05-31', title: 'Spring bank holiday', notes: '' },
  { date: '2027-07-12', title: 'Battle of the Boyne (Orangemen’s Day)', notes: '' },
  { date: '2027-08-30', title: 'Summer bank holiday', notes: '' },
  { date: '2027-12-27', title: 'Christmas Day', notes: 'Substitute day' },
  { date: '2027-12-28', title: 'Boxing Day', notes: 'Substitute day' },
];
