/**
 * DfE intervention clocks and ladders, as configuration and data (BRIEF (a) DfE track; facts [S23–S32]).
 * Durations come from DEFAULT_CLOCKS where one exists; the quarterly update and the number of exit
 * reviews are added here with their sources. The ladders are this product's proposal, not DfE policy.
 */
import { DEFAULT_CLOCKS, type TMonthClock } from '../calendar/clock-config.js';
import { ladderWithDefaults, type TLadder } from '../escalation/ladder.js';

export interface InterventionClocks {
  /** Commissioner's report, from appointment: about 3 months [S26–S28]. */
  commissionerReportMonths: TMonthClock;
  /** Improvement-notice reviews and exit-supervision reviews: six-monthly [S23, S24, S32]. */
  interventionReviewMonths: TMonthClock;
  /** Commissioner updates once an alternative delivery model is live: quarterly [S12, S28, S31]. */
  commissionerUpdateMonths: TMonthClock;
  /** Reviews during exit supervision: two (at 6 and 12 months) [S32]. */
  exitSupervisionReviews: { value: number; source: string; confirmed: boolean };
}

export const DEFAULT_INTERVENTION_CLOCKS: Readonly<InterventionClocks> = Object.freeze({
  commissionerReportMonths: DEFAULT_CLOCKS.commissionerReportMonths,
  interventionReviewMonths: DEFAULT_CLOCKS.interventionReviewMonths,
  commissionerUpdateMonths: {
    value: 3, unit: 'months' as const, confirmed: false,
    source: 'Worcestershire Children First: quarterly commissioner updates after go-live [S12, S28, S31]; observed practice, not a statutory period',
  },
  exitSupervisionReviews: {
    value: 2, confirmed: false,
    source: 'Coventry: exit with 12 months of supervision and two six-monthly reviews [S32]',
  },
});

/** A DfE review (notice, direction or supervision) that has not been held by its due date. */
export const DEFAULT_INTERVENTION_REVIEW_LADDER: TLadder = ladderWithDefaults({
  id: 'intervention-review',
  name: 'DfE intervention review (proposed)',
  steps: [
    { id: 'remind-10', offsetWorkingDays: -10, kind: 'reminder', level: 'programme_manager', label: 'DfE review due in 10 working days: prepare the progress evidence' },
    { id: 'overdue-0', offsetWorkingDays: 0, kind: 'escalation', level: 'director', label: 'DfE review not recorded by its due date: DCS to confirm the date with the DfE adviser' },
    { id: 'overdue-10', offsetWorkingDays: 10, kind: 'escalation', level: 'improvement_board', label: 'DfE review 10 working days overdue: improvement board chair told' },
  ],
});

/** The commissioner's report after a statutory direction (≈3 months from appointment). */
export const DEFAULT_COMMISSIONER_REPORT_LADDER: TLadder = ladderWithDefaults({
  id: 'commissioner-report',
  name: "Commissioner's report (proposed)",
  steps: [
    { id: 'remind-10', offsetWorkingDays: -10, kind: 'reminder', level: 'programme_manager', label: "Commissioner's report due in 10 working days" },
    { id: 'overdue-0', offsetWorkingDays: 0, kind: 'escalation', level: 'chief_executive', label: "Commissioner's report not received by its due date: chief executive told" },
    { id: 'overdue-10', offsetWorkingDays: 10, kind: 'escalation', level: 'dfe', label: "Commissioner's report 10 working days overdue: raise with the DfE" },
  ],
});

/** Quarterly commissioner updates while an alternative delivery model is live. */
export const DEFAULT_COMMISSIONER_UPDATE_LADDER: TLadder = ladderWithDefaults({
  id: 'commissioner-update',
  name: 'Quarterly commissioner update (proposed)',
  steps: [
    { id: 'remind-5', offsetWorkingDays: -5, kind: 'reminder', level: 'programme_manager', label: 'Quarterly commissioner update due in 5 working days' },
    { id: 'overdue-0', offsetWorkingDays: 0, kind: 'escalation', level: 'director', label: 'Quarterly commissioner update not received: DCS told' },
  ],
});
