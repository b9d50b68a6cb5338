import { isoDateParts, type IsoDate } from './iso-date.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "12 February 2026": the GOV.UK date style, for text the system writes into timelines and reports.
 * Pure (no Intl), so workflows and the audit replay produce identical words.
 */
export function formatLongDate(d: IsoDate): string {
  const { year, month, day } = isoDateParts(d);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}
