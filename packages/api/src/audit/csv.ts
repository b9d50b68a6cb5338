/** CSV of business history rows, through the product's one CSV writer (@ip/csv: RFC 4180, formulas neutralised). */
import { toCsv, type CsvColumn } from '@ip/csv';
import type { HistoryRow } from './rows.js';

const COLUMNS: CsvColumn<HistoryRow>[] = [
  { header: 'When (Europe/London)', value: (r) => r.when },
  { header: 'Instant (UTC)', value: (r) => new Date(r.at).toISOString() },
  { header: 'Workflow', value: (r) => r.workflowId },
  { header: 'Kind', value: (r) => r.workflowKind },
  { header: 'Run', value: (r) => r.runId },
  { header: 'Event id', value: (r) => r.eventId },
  { header: 'Category', value: (r) => r.category },
  { header: 'Who', value: (r) => r.who },
  { header: 'User id', value: (r) => r.actor?.userId ?? null },
  { header: 'Role', value: (r) => r.actor?.role ?? null },
  { header: 'What', value: (r) => r.what },
  { header: 'Why', value: (r) => r.why },
  { header: 'Temporal event', value: (r) => r.eventType },
];

export function rowsToCsv(rows: readonly HistoryRow[]): string {
  return toCsv(rows, COLUMNS);
}
