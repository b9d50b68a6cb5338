/** Updates, queries and ids of programmeWorkflow, shared by the workflow, the worker and the API. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UpdateReply } from '../machine/spec.js';
import type { ClockView, TActor, TLadder, THumanProgrammeEvent, TProgrammeState } from '@ip/domain/workflow';

/** One programme workflow per authority per improvement cycle. */
export function programmeWorkflowId(onsCode: string, cycle: number): string {
  return `programme-${onsCode}-${cycle}`;
}

export interface ProgrammeWorkflowArgs {
  programmeId: string;
  onsCode: string;
  authorityName: string;
  cycle: number;
  actor: TActor;
  reason: string;
  /** Per-programme escalation ladders by clock name (defaults: PROGRAMME_CLOCK_LADDERS). */
  ladders?: Record<string, TLadder>;
  /** State carried over by continue-as-new; absent on a fresh start. */
  carried?: TProgrammeState;
  /** Continue as new after this many history events even if the server has not suggested it. */
  continueAsNewAfterEvents?: number;
}

/** What a query returns: the full state plus the time left on every clock. */
export interface ProgrammeView extends Omit<TProgrammeState, 'clocks'> {
  clocks: ClockView[];
  asAt: number;
}

export interface HumanCommand {
  actor: TActor;
  reason: string;
}

/** The payload of a human event as a command: the event minus what the workflow fills in. */
export type CommandPayload<T extends THumanProgrammeEvent['type']> = HumanCommand &
  Omit<Extract<THumanProgrammeEvent, { type: T }>, 'type' | 'at' | 'actor' | 'reason'>;

/** Each programme Update and the lifecycle event it becomes. */
export const PROGRAMME_COMMANDS = {
  recordInspection: 'inspection_recorded',
  publishReport: 'report_published',
  completeMilestone: 'milestone_completed',
  submitPlan: 'plan_submitted',
  recordPlanResponse: 'plan_response_recorded',
  recordReinspection: 'reinspection_recorded',
  recordFocusedVisit: 'focused_visit_recorded',
  recordEngagementMeeting: 'engagement_meeting_recorded',
  configureProgramme: 'programme_configured',
} as const satisfies Record<string, THumanProgrammeEvent['type']>;
export type ProgrammeCommandName = keyof typeof PROGRAMME_COMMANDS;

export const recordInspectionUpdate = defineUpdate<UpdateReply, [CommandPayload<'inspection_recorded'>]>('recordInspection');
export const publishReportUpdate = defineUpdate<UpdateReply, [CommandPayload<'report_published'>]>('publishReport');
export const completeMilestoneUpdate = defineUpdate<UpdateReply, [CommandPayload<'milestone_completed'>]>('completeMilestone');
export const submitPlanUpdate = defineUpdate<UpdateReply, [CommandPayload<'plan_submitted'>]>('submitPlan');
export const recordPlanResponseUpdate = defineUpdate<UpdateReply, [CommandPayload<'plan_response_recorded'>]>('recordPlanResponse');
export const recordReinspectionUpdate = defineUpdate<UpdateReply, [CommandPayload<'reinspection_recorded'>]>('recordReinspection');
export const recordFocusedVisitUpdate = defineUpdate<UpdateReply, [CommandPayload<'focused_visit_recorded'>]>('recordFocusedVisit');
export const recordEngagementMeetingUpdate = defineUpdate<UpdateReply, [CommandPayload<'engagement_meeting_recorded'>]>('recordEngagementMeeting');
/** Admin only: change the programme's escalation ladders and/or calendar overrides. */
export const configureProgrammeUpdate = defineUpdate<UpdateReply, [CommandPayload<'programme_configured'>]>('configureProgramme');
/** Schedules the next monitoring visit; the workflow starts it as a child workflow. */
export const scheduleMonitoringVisitUpdate = defineUpdate<
  UpdateReply,
  [HumanCommand & { number: number; theme: string; plannedStartOn: string }]
>('scheduleMonitoringVisit');

export const programmeStateQuery = defineQuery<ProgrammeView>('programmeState');
