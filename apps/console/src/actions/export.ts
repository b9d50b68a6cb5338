import { downloadCSV } from 'react-admin';
import type { TActionListRecord } from '../api-types';
import { actionsToCsv } from './csv';

/** react-admin's exporter for the actions list: the spreadsheet columns of csv.ts. */
export function exportActions(actions: TActionListRecord[]): void {
  downloadCSV(actionsToCsv(actions), 'actions');
}
