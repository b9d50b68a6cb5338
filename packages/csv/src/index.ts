/**
 * The one CSV writer of the product: every export, in the console and in the API, goes through it.
 * Built on csv-stringify (a maintained library, pure JavaScript, used in the browser too):
 * - RFC 4180: records end in CRLF; a field holding a comma, a double quote, CR or LF is quoted, and
 *   its quotes are doubled;
 * - formula injection neutralised: text that a spreadsheet would run as a formula (it starts with
 *   `=`, `+`, `-`, `@`, a tab or CR, or their full-width forms) gets a leading `'`, so a title such as
 *   `=HYPERLINK(...)` shows as text when a council officer opens the file. Numbers stay numbers
 *   (-3 working days left is not a formula).
 */
// The library's browser build (its own Buffer shim inside): the console runs this code in the
// browser, where the Node build's module-level `Buffer` does not exist; Node runs it as well.
import { stringify } from 'csv-stringify/browser/esm/sync';

export type CsvCell = string | number | boolean | Date | null | undefined;

export interface CsvColumn<R> {
  header: string;
  value: (row: R) => CsvCell;
}

const OPTIONS = {
  record_delimiter: 'windows' as const,
  // A lone LF or CR inside a field is quoted too (csv-stringify only quotes CRLF once a delimiter is set).
  quote_record_delimiter: true,
  escape_formulas: true,
  cast: {
    boolean: (v: boolean) => (v ? 'true' : 'false'),
    date: (v: Date) => v.toISOString(),
  },
};

/** A header row and one row per record, as CSV text (RFC 4180, formulas neutralised). */
export function toCsv<R>(rows: readonly R[], columns: readonly CsvColumn<R>[]): string {
  return csvOfRecords([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.value(r)))]);
}

/** Records (the first is usually the header) as CSV text. */
export function csvOfRecords(records: readonly (readonly CsvCell[])[]): string {
  return stringify(records.map((r) => [...r]), OPTIONS);
}

/**
 * Any list's records as CSV, for lists without columns of their own: nested objects become dotted
 * columns (`owner.name`), arrays of plain values are joined with "; ", other arrays are JSON. The
 * columns are every key seen, in the order first seen.
 */
export function recordsToCsv(records: readonly object[]): string {
  const flat = records.map((r) => flatten(r));
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const row of flat) for (const k of row.keys()) if (!seen.has(k)) { seen.add(k); headers.push(k); }
  return csvOfRecords([headers, ...flat.map((row) => headers.map((h) => row.get(h)))]);
}

function flatten(value: object, prefix = '', out = new Map<string, CsvCell>()): Map<string, CsvCell> {
  for (const [k, v] of Object.entries(value)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v === null || v === undefined || typeof v !== 'object' || v instanceof Date) {
      out.set(key, typeof v === 'bigint' ? String(v) : (v as CsvCell));
    } else if (Array.isArray(v)) {
      out.set(key, v.every((x) => x === null || typeof x !== 'object') ? v.join('; ') : JSON.stringify(v));
    } else {
      flatten(v as object, key, out);
    }
  }
  return out;
}
