/**
 * en-GB formatting for everything the console shows. Statutory dates are calendar dates in England,
 * so both helpers format in Europe/London whatever the browser's own time zone is.
 */
const LONDON = 'Europe/London';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: LONDON });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: LONDON,
});

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function toDate(value: string | Date): Date | undefined {
  // A bare 'YYYY-MM-DD' is a calendar date: read it at midday UTC so no time zone moves its day.
  const date = typeof value === 'string' && DATE_ONLY.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "12 February 2026"; '' for null/undefined/unparsable. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value == null || value === '') return '';
  const date = toDate(value);
  return date ? dateFormat.format(date) : '';
}

/** "12 February 2026 at 14:05" in London time; '' for null/undefined/unparsable. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value == null || value === '') return '';
  const date = toDate(value);
  if (!date) return '';
  const parts = dateTimeFormat.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')} ${get('month')} ${get('year')} at ${get('hour')}:${get('minute')}`;
}

/** "1 working day", "12 working days", "3 working days overdue"; '' when there is no clock. */
export function formatWorkingDaysLeft(days: number | null | undefined): string {
  if (days == null) return '';
  const n = Math.abs(days);
  const unit = n === 1 ? 'working day' : 'working days';
  return days < 0 ? `${n} ${unit} overdue` : `${n} ${unit}`;
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A KPI figure in its unit: "74%", "17", "12 days", "0.85". '' when there is no figure. */
export function formatKpiValue(value: number | null | undefined, unit: string): string {
  if (value == null) return '';
  const n = numberFormat.format(value);
  if (unit === 'percent') return `${n}%`;
  if (unit === 'days') return value === 1 ? '1 day' : `${n} days`;
  return n;
}

/** "Month ending 30 June 2018" / "Quarter ending 30 June 2018". */
export function formatPeriodEnd(periodEnd: string | null | undefined, period: string): string {
  if (!periodEnd) return '';
  return `${period === 'quarterly' ? 'Quarter' : 'Month'} ending ${formatDate(periodEnd)}`;
}

/** "30 Jun 2018": for chart axes, where the long form does not fit. */
export function formatShortDate(value: string): string {
  const date = toDate(value);
  return date ? new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: LONDON }).format(date) : '';
}
