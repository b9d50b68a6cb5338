import { z } from 'zod';
import { ZCommandMeta } from './common.js';
import { ZCalendarOverrides, ZIsoDate } from '../calendar/index.js';
import { ZLadder } from '../escalation/schemas.js';
import { ZInspection } from './inspection.js';

/** ONS area code of a local authority, e.g. E09000099. */
export const ZOnsCode = z.string().regex(/^[EWSN]\d{8}$/, 'ONS code looks like E09000099');

/** Start an improvement programme for an authority (one Temporal workflow per authority per cycle). */
export const ZStartProgrammeInput = ZCommandMeta.extend({
  onsCode: ZOnsCode,
});
export type TStartProgrammeInput = z.infer<typeof ZStartProgrammeInput>;

/** Record the inspection Ofsted reported on; an inadequate judgement starts the statutory clocks. */
export const ZRecordInspectionInput = ZCommandMeta.extend({
  programmeId: z.string().min(1),
  inspection: ZInspection,
});
export type TRecordInspectionInput = z.infer<typeof ZRecordInspectionInput>;

const programmeId = z.string().min(1).max(200);

/** The report was published on the council's website (stops the 30 WD clock). */
export const ZPublishReportInput = ZCommandMeta.extend({ programmeId, publishedOn: ZIsoDate });
export type TPublishReportInput = z.infer<typeof ZPublishReportInput>;

export const ZPlanMilestone = z.enum(['draftPlan', 'scrutiny', 'cabinet', 'signOff', 'priorityActionDraft']);
/** A back-scheduled plan milestone was met (draft, scrutiny, cabinet, sign-off). */
export const ZCompleteMilestoneInput = ZCommandMeta.extend({ programmeId, milestone: ZPlanMilestone, completedOn: ZIsoDate });
export type TCompleteMilestoneInput = z.infer<typeof ZCompleteMilestoneInput>;

/** Book the next Ofsted monitoring visit; it runs as its own workflow. */
export const ZScheduleMonitoringVisitInput = ZCommandMeta.extend({
  programmeId,
  number: z.number().int().min(1, 'number: visits are numbered from 1').max(12),
  theme: z.string().trim().min(3, 'Give the visit theme, e.g. "children in care"').max(200),
  plannedStartOn: ZIsoDate,
});
export type TScheduleMonitoringVisitInput = z.infer<typeof ZScheduleMonitoringVisitInput>;

/** Ofsted's re-inspection: leaving inadequate closes the programme; inadequate again starts a new cycle. */
export const ZRecordReinspectionInput = ZCommandMeta.extend({ programmeId, inspection: ZInspection });
export type TRecordReinspectionInput = z.infer<typeof ZRecordReinspectionInput>;

/** A focused visit (requires-improvement / good authorities); priority-action areas start the 20/70 WD clocks. */
export const ZRecordFocusedVisitInput = ZCommandMeta.extend({
  programmeId,
  visitOn: ZIsoDate,
  theme: z.string().trim().min(3).max(200),
  letterReceivedOn: ZIsoDate,
  priorityActionAreas: z.array(z.string().trim().min(3).max(500)).max(20),
}).superRefine((v, ctx) => {
  if (v.letterReceivedOn < v.visitOn) ctx.addIssue({ code: 'custom', path: ['letterReceivedOn'], message: 'The letter cannot arrive before the visit' });
});
export type TRecordFocusedVisitInput = z.infer<typeof ZRecordFocusedVisitInput>;

/** The annual engagement meeting with Ofsted (ILACS). */
export const ZRecordEngagementMeetingInput = ZCommandMeta.extend({ programmeId, heldOn: ZIsoDate, notes: z.string().max(5000).default('') });
export type TRecordEngagementMeetingInput = z.infer<typeof ZRecordEngagementMeetingInput>;

/** Admin: the programme's escalation ladders (by clock name) and one-off calendar changes. */
export const ZConfigureProgrammeInput = ZCommandMeta.extend({
  programmeId,
  ladders: z.record(z.string().regex(/^[a-zA-Z]+$/, 'ladders: keys are clock names, e.g. actionPlan'), ZLadder).optional(),
  calendarOverrides: ZCalendarOverrides.optional(),
}).refine((v) => v.ladders !== undefined || v.calendarOverrides !== undefined, { message: 'Give ladders or calendar overrides', path: ['ladders'] });
export type TConfigureProgrammeInput = z.infer<typeof ZConfigureProgrammeInput>;
