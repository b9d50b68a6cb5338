import { toCsv, type CsvColumn } from '@ip/csv';
import type { TActionListRecord } from '../api-types';
import { ACTION_RAG_LABELS } from './labels';

const yesNo = (v: boolean) => (v ? 'Yes' : 'No');

const COLUMNS: CsvColumn<TActionListRecord>[] = [
  { header: 'Action', value: (a) => a.title },
  { header: 'Workstream', value: (a) => a.workstream },
  { header: 'Owner', value: (a) => a.owner.name },
  { header: 'Owner email', value: (a) => a.owner.email },
  { header: 'RAG', value: (a) => ACTION_RAG_LABELS[a.rag] },
  { header: 'Stale', value: (a) => yesNo(a.stale) },
  { header: 'Chronic amber', value: (a) => yesNo(a.chronicAmber) },
  { header: 'Due (YYYY-MM-DD)', value: (a) => a.dueOn },
  { header: 'Original due date', value: (a) => a.originalDueOn },
  { header: 'Working days left', value: (a) => a.workingDaysLeft },
  { header: 'Overdue', value: (a) => yesNo(a.overdue) },
  { header: 'Per cent complete', value: (a) => a.percentComplete },
  { header: 'Last update', value: (a) => a.lastUpdateOn },
  { header: 'Latest note', value: (a) => a.latestNote },
  { header: 'Ofsted-linked', value: (a) => yesNo(a.ofstedLinked) },
  { header: 'Recommendations', value: (a) => a.recommendationRefs.join('; ') },
  { header: 'Evidence items', value: (a) => a.evidenceCount },
  { header: 'Id', value: (a) => a.id },
];

/** The actions as a spreadsheet shows them: one row each, no nested history (the product's one CSV writer). */
export function actionsToCsv(actions: readonly TActionListRecord[]): string {
  return toCsv(actions, COLUMNS);
}
