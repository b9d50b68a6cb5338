import { downloadCSV, type Exporter } from 'react-admin';
import { recordsToCsv } from '@ip/csv';

/**
 * The CSV download of every list without columns of its own, through the product's one CSV writer
 * (@ip/csv: RFC 4180, formula-leading cells neutralised) instead of react-admin's default exporter,
 * which wrote a title such as `=HYPERLINK(...)` as a live formula.
 */
export function exportCsv(fileName: string): Exporter {
  return (records) => downloadCSV(recordsToCsv(records as object[]), fileName);
}
