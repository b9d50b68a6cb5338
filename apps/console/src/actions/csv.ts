import type { TActionListRecord } from '../api-types';
import { ACTION_RAG_LABELS } from './labels';

/** One CSV cell: quoted when it holds a comma, quote or line break (RFC 4180). */
function cell(value: unknown): string {
  const text = value == null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const COLUMNS: ReadonlyArray<readonly [string, (a: TActionListRecord) => unknown]> = [
  ['Action', (a) => a.title],
  ['Workstream', (a) => a.workstream],
  ['Owner', (a) => a.owner.name],
  ['Owner email', (a) => a.owner.email],
  ['RAG', (a) => ACTION_RAG_LABELS[a.rag]],
  ['Stale', (a) => (a.stale ? 'Yes' : 'No')],
  ['Chronic amber', (a) => (a.chronicAmber ? 'Yes' : 'No')],
  ['Due (YYYY-MM-DD)', (a) => a.dueOn],
  ['Original due date', (a) => a.originalDueOn],
  ['Working days left', (a) => a.workingDaysLeft],
  ['Overdue', (a) => (a.overdue ? 'Yes' : 'No')],
  ['Per cent complete', (a) => a.percentComplete],
  ['Last update', (a) => a.lastUpdateOn],
  ['Latest note', (a) => a.latestNote],
  ['Ofsted-linked', (a) => (a.ofstedLinked ? 'Yes' : 'No')],
  ['Recommendations', (a) => a.recommendationRefs.join('; ')],
  ['Evidence items', (a) => a.evidenceCount],
  ['Id', (a) => a.id],
];

/** The actions as a spreadsheet shows them: one row each, no nested history. */
export function actionsToCsv(actions: readonly TActionListRecord[]): string {
  const lines = [COLUMNS.map(([h]) => cell(h)).join(','), ...actions.map((a) => COLUMNS.map(([, get]) => cell(get(a))).join(','))];
  return lines.join('\r\n');
}
