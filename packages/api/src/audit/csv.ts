/** CSV of business history rows (RFC 4180 quoting; formulas neutralised for spreadsheets). */
import type { HistoryRow } from './rows.js';

const COLUMNS: Array<[string, (r: HistoryRow) => string | number | null]> = [
  ['When (Europe/London)', (r) => r.when],
  ['Instant (UTC)', (r) => new Date(r.at).toISOString()],
  ['Workflow', (r) => r.workflowId],
  ['Kind', (r) => r.workflowKind],
  ['Run', (r) => r.runId],
  ['Event id', (r) => r.eventId],
  ['Category', (r) => r.category],
  ['Who', (r) => r.who],
  ['User id', (r) => r.actor?.userId ?? null],
  ['Role', (r) => r.actor?.role ?? null],
  ['What', (r) => r.what],
  ['Why', (r) => r.why],
  ['Temporal event', (r) => r.eventType],
];

function cell(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function rowsToCsv(rows: readonly HistoryRow[]): string {
  const lines = [COLUMNS.map(([h]) => cell(h)).join(',')];
  for (const r of rows) lines.push(COLUMNS.map(([, f]) => cell(f(r))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
