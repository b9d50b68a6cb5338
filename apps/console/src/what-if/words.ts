/**
 * The what-if in words: when a step fires (a date, a time, and working days from the deadline and
 * from today), what becomes of it, and who is emailed. Pure, so a test can read each sentence.
 */
import { formatDate, formatDateTime } from '../format';

interface TStepWords {
  kind: 'reminder' | 'escalation';
  fireOn: string;
  fireAt: number;
  firedAt: number;
  offsetWorkingDays: number;
  workingDaysFromNow: number;
  outcome: 'fired' | 'skipped' | 'superseded';
  late: boolean;
  skippedBecause: string | null;
  dueOn: string;
}

const days = (n: number) => `${n} working day${n === 1 ? '' : 's'}`;

/** "3 March 2026 at 09:00", or "end of 12 March 2026" for the deadline itself. */
export function whenWords(s: Pick<TStepWords, 'fireOn' | 'fireAt' | 'offsetWorkingDays'>): string {
  return s.offsetWorkingDays === 0 ? `end of ${formatDate(s.fireOn)}` : formatDateTime(new Date(s.fireAt));
}

/** "10 working days before the due date of 12 March 2026", "when the due date of … passes", "5 working days after …". */
export function offsetWords(s: Pick<TStepWords, 'offsetWorkingDays' | 'dueOn'>): string {
  const due = `the due date of ${formatDate(s.dueOn)}`;
  if (s.offsetWorkingDays === 0) return `when ${due} passes`;
  return s.offsetWorkingDays < 0 ? `${days(-s.offsetWorkingDays)} before ${due}` : `${days(s.offsetWorkingDays)} after ${due}`;
}

/** "in 12 working days", "today", "2 working days ago". */
export function fromNowWords(n: number): string {
  if (n === 0) return 'today';
  return n > 0 ? `in ${days(n)}` : `${days(-n)} ago`;
}

/** What becomes of the step: sent, sent late (and when), or why it is not sent. */
export function outcomeWords(s: Pick<TStepWords, 'kind' | 'outcome' | 'late' | 'skippedBecause' | 'firedAt'>): string {
  const what = s.kind === 'reminder' ? 'Reminder' : 'Escalation';
  if (s.outcome === 'superseded') return 'Not raised: a later step is already due and is raised instead';
  if (s.outcome === 'skipped') {
    return s.skippedBecause === 'deadline_passed' ? 'Not sent: the deadline will already have passed'
      : s.skippedBecause === 'awaiting_sign_off' ? 'Not sent: the action will be awaiting sign-off'
        : 'Not sent: its moment will have passed';
  }
  return s.late ? `${what} raised late, on ${formatDateTime(new Date(s.firedAt))}` : `${what} raised and emailed`;
}

/** "Lee Front (Workstream lead), at once; Helen Okafor (Action owner), in the daily digest". */
export function recipientWords(r: { name: string; roleLabel: string; mode: 'immediate' | 'digest'; note: string | null }): string {
  return `${r.name} (${r.roleLabel}), ${r.mode === 'digest' ? 'in the daily digest' : 'at once'}${r.note ? `: ${r.note}` : ''}`;
}
