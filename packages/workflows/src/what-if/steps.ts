/**
 * What a what-if lists for each ladder step the simulated workflow reaches: the step, when (as a
 * date, an instant and in working days), whether it is raised (and so emailed) and, if so, the very
 * fact the workflow would record. Shared by the action and the programme-clock what-ifs.
 */
import type { EscalationFact } from '@ip/activities';
import type { TEscalationLevel } from '@ip/domain';

export type StepOutcome = 'fired' | 'skipped' | 'superseded';

export interface PredictedStep {
  /** The id the escalation is recorded under; for a step not raised, the id it would have had (null if none). */
  escalationId: string | null;
  /** What makes it "the same step" in another future (the ladder step; per clock for a programme). */
  slot: string;
  ladderId: string;
  stepId: string;
  kind: 'reminder' | 'escalation';
  level: TEscalationLevel;
  label: string;
  /** What the step is about: the action's title, or the programme clock's label. */
  subject: string;
  outcome: StepOutcome;
  /** fired: a reminder sent or an escalation recorded, and its emails sent. */
  raised: boolean;
  /** Raised more than an hour after its instant (the late-escalation rule). */
  late: boolean;
  skippedBecause: string | null;
  /** The deadline it counts from and its offset in working days (negative: before it). */
  dueOn: string;
  offsetWorkingDays: number;
  /** The London date and instant it belongs to. */
  fireOn: string;
  fireAt: number;
  /** When the workflow reaches it: its instant when on time, later when found due late. */
  firedAt: number;
  /** Working days from the day the question was asked to `fireOn` (negative: already past). */
  workingDaysFromNow: number;
  /** An escalation at board level (director and above): it reaches the board's exception report. */
  boardException: boolean;
  /** What the workflow would pass to recordEscalation; null when not raised. */
  fact: EscalationFact | null;
}

/** One line the simulated workflow's timeline would gain, in the reducer's own words. */
export interface PredictedLine {
  at: number;
  type: string;
  summary: string;
}

/** The timeline lines an event added (the reducer wrote them; the simulation only collects them). */
export function linesAdded(before: { history: PredictedLine[] }, after: { history: PredictedLine[] }): PredictedLine[] {
  return after.history.slice(before.history.length).map((h) => ({ at: h.at, type: h.type, summary: h.summary }));
}
