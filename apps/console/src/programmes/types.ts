import type { TClockOutcome, TGrade, TInspection, TProgrammePhase, TRole } from '@ip/domain';

/** One statutory clock on a programme (publication, action plan, ...), as the API reports it. */
export interface TProgrammeClock {
  name: string;
  label: string;
  dueOn: string;
  dueAt: string;
  /** Counting to the due date while open (negative once overdue); frozen at the day it was done or stopped. */
  workingDaysLeft: number | null;
  /** The domain's one clock vocabulary: running, overdue, met, breached (done late), closed (stopped). */
  status: TClockOutcome;
  closedAt?: number | null;
  /** The business date it was done (plan submitted, report published...); null while open. */
  doneOn?: string | null;
  /** Working days between the due date and the day it was done, when done late; null otherwise. */
  workingDaysLate?: number | null;
}

/** One entry of the audit history: who did what, why and when. `actor` is null for the system. */
export interface TProgrammeHistoryEntry {
  at: string;
  type: string;
  actor: { userId: string; role: TRole; name?: string } | null;
  reason: string | null;
  summary: string;
}

/** A programme as `programmes.getList`/`getOne` return it; `id` is the Temporal workflow id. */
export interface TProgrammeRecord {
  id: string;
  authorityId: string;
  authorityName: string;
  onsCode: string;
  cycle: number;
  phase: TProgrammePhase;
  grade: TGrade | null;
  reportReceivedOn: string | null;
  publishDueOn: string | null;
  actionPlanDueOn: string | null;
  actionPlanWorkingDaysLeft: number | null;
  stateVersion: number;
  startedAt: string;
  updatedAt: string;
  clocks: TProgrammeClock[];
  history: TProgrammeHistoryEntry[];
  /** The inspection this cycle answers; null until recorded. */
  inspection?: TInspection | null;
  planSubmittedOn?: string | null;
  planResponse?: { outcome: 'accepted' | 'returned'; letterOn: string; comments: string } | null;
  visits?: Array<{ number: number; theme: string; plannedStartOn: string; workflowId: string; status: 'scheduled' | 'closed'; letterPublishedOn: string | null }>;
  /** Set when the programme's workflow stopped without finishing (terminated, failed, timed out). */
  stopped?: { at: string; reason: string } | null;
}
