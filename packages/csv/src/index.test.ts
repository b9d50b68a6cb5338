/** The CSV writer against an independent RFC 4180 parser (csv-parse) and the formula prefixes spreadsheets run. */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvOfRecords, recordsToCsv, toCsv } from './index.js';

const FORMULAS = ['=HYPERLINK("http://evil.example","Click")', '+1+1', '-2+3+cmd|\' /C calc\'!A0', '@SUM(A1:A2)', '\t=1', '\r=1', '＝1+1', '＋1', '－1', '＠SUM(1)'];

describe('the CSV writer', () => {
  it('quotes per RFC 4180: commas, quotes and line breaks; records end in CRLF', () => {
    const csv = csvOfRecords([['a', 'b'], ['x,y', 'say "hi"'], ['line\nbreak', 'cr\rlf\r\n']]);
    expect(csv).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak","cr\rlf\r\n"\r\n');
    expect(parse(csv)).toEqual([['a', 'b'], ['x,y', 'say "hi"'], ['line\nbreak', 'cr\rlf\r\n']]);
  });

  it('neutralises every formula-leading cell with a leading quote; numbers stay numbers', () => {
    const csv = toCsv(FORMULAS.map((f, i) => ({ f, n: -i })), [
      { header: 'Title', value: (r) => r.f },
      { header: 'Working days left', value: (r) => r.n },
    ]);
    const rows = parse(csv);
    expect(rows.slice(1).map((r) => r[0])).toEqual(FORMULAS.map((f) => `'${f}`));
    expect(rows.slice(2).map((r) => r[1])).toEqual(FORMULAS.slice(1).map((_, i) => String(-(i + 1))));
  });

  it('round-trips any text through an independent parser (apart from the neutralising quote)', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (records) => {
      const width = records[0]!.length;
      const square = records.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
      const parsed = parse(csvOfRecords(square), { relax_column_count: true });
      const expected = square.map((r) => r.map((c) => (/^[=+\-@\t\r＝＋－＠]/.test(c) ? `'${c}` : c)));
      expect(parsed).toEqual(expected);
    }), { numRuns: 300, seed: 20261206 });
  });

  it('flattens any list’s records into dotted columns for the generic exporter', () => {
    const csv = recordsToCsv([{ id: 'r1', owner: { name: '=evil()', email: 'a@b' }, refs: ['R1', 'R2'], done: true, at: new Date('2026-01-02T03:04:05Z') }, { id: 'r2', extra: 1 }]);
    expect(parse(csv)).toEqual([
      ['id', 'owner.name', 'owner.email', 'refs', 'done', 'at', 'extra'],
      ['r1', "'=evil()", 'a@b', 'R1; R2', 'true', '2026-01-02T03:04:05.000Z', ''],
      ['r2', '', '', '', '', '', '1'],
    ]);
  });
});
