import { downloadCSV } from 'react-admin';
import type { TActionRecord } from '../api-types';
import { actionsToCsv } from './csv';

/** react-admin's exporter for the actions list: the spreadsheet columns of csv.ts. */
export function exportActions(actions: TActionRecord[]): void {
  downloadCSV(actionsToCsv(actions), 'actions');
}
