import { describe, expect, it } from 'vitest';
import { monthGrid, shiftMonth } from './calendar';

describe('visits calendar grid', () => {
  it('lays a month out Monday first, padding the first and last weeks', () => {
    // 1 June 2026 is a Monday; 30 June a Tuesday.
    const june = monthGrid('2026-06');
    expect(june[0]![0]).toBe('2026-06-01');
    expect(june.at(-1)).toEqual(['2026-06-29', '2026-06-30', null, null, null, null, null]);
    // 1 November 2026 is a Sunday: six blanks before it.
    expect(monthGrid('2026-11')[0]).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(monthGrid('2026-02').flat().filter(Boolean)).toHaveLength(28);
  });

  it('moves between months across year ends', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-06', 0)).toBe('2026-06');
  });
});
