import type { TActor } from '../schemas/common.js';
import type { TInspection } from '../schemas/inspection.js';
import type { TCalendarOverrides } from '../calendar/calendar-overrides.js';
import type { TLadder } from '../escalation/ladder.js';
import type { TSkipReason } from '../escalation/late.js';

interface EventBase {
  /** Epoch ms at which the event happened (workflow time when run inside a workflow). */
  at: number;
}
interface HumanEventBase extends EventBase {
  actor: TActor;
  reason: string;
}

export type TPlanMilestone = 'draftPlan' | 'scrutiny' | 'cabinet' | 'signOff' | 'priorityActionDraft';

/** Everything that can happen to a programme. The reducer is the only place these change state. */
export type TProgrammeEvent =
  | (HumanEventBase & {
      type: 'programme_started';
      programmeId: string;
      onsCode: string;
      authorityName: string;
      cycle: number;
    })
  | (HumanEventBase & { type: 'inspection_recorded'; inspection: TInspection })
  | (HumanEventBase & { type: 'report_published'; publishedOn: string })
  /** Back-scheduled plan milestones (BRIEF (b)); added by workflows from version 'plan-milestones'. */
  | (EventBase & { type: 'milestones_scheduled' })
  | (HumanEventBase & { type: 'milestone_completed'; milestone: TPlanMilestone; completedOn: string })
  | (HumanEventBase & { type: 'plan_submitted'; submittedOn: string })
  | (HumanEventBase & { type: 'plan_response_recorded'; outcome: 'accepted' | 'returned'; letterOn: string; comments?: string })
  | (HumanEventBase & { type: 'monitoring_visit_scheduled'; number: number; theme: string; plannedStartOn: string; workflowId: string })
  | (EventBase & { type: 'monitoring_visit_closed'; number: number; letterPublishedOn: string | null })
  | (HumanEventBase & { type: 'reinspection_recorded'; inspection: TInspection })
  | (HumanEventBase & {
      type: 'focused_visit_recorded';
      visitOn: string;
      theme: string;
      letterReceivedOn: string;
      priorityActionAreas: string[];
    })
  | (HumanEventBase & { type: 'engagement_meeting_recorded'; heldOn: string; notes: string })
  /** An admin changed the programme's escalation ladders and/or calendar (applies from now on). */
  | (HumanEventBase & { type: 'programme_configured'; ladders?: Record<string, TLadder>; calendarOverrides?: TCalendarOverrides })
  /** A step of a clock's escalation ladder fired (a reminder, the deadline, or an escalation). */
  | (EventBase & {
      type: 'ladder_step_fired'; clock: string; stepId: string; key: string; offsetWorkingDays: number; label: string;
      /** Rules 2 (escalation/late.ts): how the step went. Absent in older histories (the label said it). */
      outcome?: 'fired' | 'skipped' | 'superseded';
      late?: boolean;
      skippedBecause?: TSkipReason;
    })
  /** The first workflow version's deadline event, kept so old histories replay the same. */
  | (EventBase & { type: 'clock_elapsed'; clock: string });

export type TProgrammeEventType = TProgrammeEvent['type'];
/** Events a person sends (as workflow Updates); the rest come from timers and child workflows. */
export type THumanProgrammeEvent = Extract<TProgrammeEvent, { actor: TActor }>;
