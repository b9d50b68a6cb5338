/**
 * Monitoring visits of an inadequate authority (BRIEF (a) MONITORING(n); (c) MonitoringVisit). One
 * schema per concept: workflow args, Update payloads (+ actor and reason) and API inputs (+ ZCommandMeta).
 */
import { z } from 'zod';
import { ZIsoDate } from '../calendar/index.js';
import { ZLadder } from '../escalation/index.js';
import { ZCommandMeta } from '../schemas/common.js';
import { ZOnsCode } from '../schemas/programme.js';
import { ZLifecycleUpdateMeta } from '../ladder-clock/schemas.js';

const text = (min: number, max: number, msg?: string) => z.string().trim().min(min, msg).max(max);

/** Started by the programme workflow as a child, one per visit. `ladder` overrides the new-actions ladder. */
export const ZMonitoringVisitArgs = z.object({
  programmeId: z.string().min(1),
  onsCode: ZOnsCode,
  authorityName: text(2, 200),
  number: z.number().int().min(1, 'Visits are numbered from 1').max(20),
  theme: text(2, 200, 'Give the visit theme, e.g. "children in care"'),
  plannedStartOn: ZIsoDate,
  ladder: ZLadder.optional(),
});
export type TMonitoringVisitArgs = z.infer<typeof ZMonitoringVisitArgs>;
export type TMonitoringVisitArgsInput = z.input<typeof ZMonitoringVisitArgs>;

/** MV letters are narrative and ungraded [S11]: what Ofsted saw improving and what still needs to. */
export const ZMonitoringVisitFindings = z
  .object({
    areasOfProgress: z.array(text(3, 2000)).max(50),
    areasForImprovement: z.array(text(3, 2000)).max(50),
  })
  .refine((f) => f.areasOfProgress.length + f.areasForImprovement.length > 0, 'Record at least one finding from the letter');
export type TMonitoringVisitFindings = z.infer<typeof ZMonitoringVisitFindings>;

const fieldworkFields = z.object({
  startedOn: ZIsoDate,
  endedOn: ZIsoDate,
  inspectors: z.array(text(2, 200)).min(1, 'Name at least one inspector').max(10),
});
const endsAfterStart = (v: { startedOn: string; endedOn: string }, ctx: z.RefinementCtx) => {
  if (v.endedOn < v.startedOn) ctx.addIssue({ code: 'custom', path: ['endedOn'], message: 'Fieldwork cannot end before it starts' });
};
const draftFields = z.object({ receivedOn: ZIsoDate });
const correctionFields = z.object({ sentOn: ZIsoDate, note: text(3, 5000, 'Summarise the corrections sent') });
const publishFields = z.object({ publishedOn: ZIsoDate, findings: ZMonitoringVisitFindings });
const newActionFields = z.object({
  actionRefs: z.array(text(1, 100)).min(1, 'List the plan actions created from the letter').max(100),
});

/** Update payloads. */
export const ZRecordFieldworkUpdate = fieldworkFields.extend(ZLifecycleUpdateMeta.shape).superRefine(endsAfterStart);
export type TRecordFieldworkUpdate = z.infer<typeof ZRecordFieldworkUpdate>;
export const ZRecordDraftLetterUpdate = draftFields.extend(ZLifecycleUpdateMeta.shape);
export type TRecordDraftLetterUpdate = z.infer<typeof ZRecordDraftLetterUpdate>;
export const ZSubmitAccuracyCorrectionsUpdate = correctionFields.extend(ZLifecycleUpdateMeta.shape);
export type TSubmitAccuracyCorrectionsUpdate = z.infer<typeof ZSubmitAccuracyCorrectionsUpdate>;
export const ZPublishLetterUpdate = publishFields.extend(ZLifecycleUpdateMeta.shape);
export type TPublishLetterUpdate = z.infer<typeof ZPublishLetterUpdate>;
export const ZConfirmNewActionsUpdate = newActionFields.extend(ZLifecycleUpdateMeta.shape);
export type TConfirmNewActionsUpdate = z.infer<typeof ZConfirmNewActionsUpdate>;
export const ZCancelVisitUpdate = ZLifecycleUpdateMeta;
export type TCancelVisitUpdate = z.infer<typeof ZCancelVisitUpdate>;

/** API inputs: which visit (programme + number, see monitoringVisitWorkflowId), plus the command meta. */
const visitRef = ZCommandMeta.extend({ programmeId: z.string().min(1), number: z.number().int().min(1, 'Visits are numbered from 1').max(20) });
export const ZRecordFieldworkInput = visitRef.extend(fieldworkFields.shape).superRefine(endsAfterStart);
export type TRecordFieldworkInput = z.infer<typeof ZRecordFieldworkInput>;
export const ZRecordDraftLetterInput = visitRef.extend(draftFields.shape);
export type TRecordDraftLetterInput = z.infer<typeof ZRecordDraftLetterInput>;
export const ZSubmitAccuracyCorrectionsInput = visitRef.extend(correctionFields.shape);
export type TSubmitAccuracyCorrectionsInput = z.infer<typeof ZSubmitAccuracyCorrectionsInput>;
export const ZPublishLetterInput = visitRef.extend(publishFields.shape);
export type TPublishLetterInput = z.infer<typeof ZPublishLetterInput>;
export const ZConfirmNewActionsInput = visitRef.extend(newActionFields.shape);
export type TConfirmNewActionsInput = z.infer<typeof ZConfirmNewActionsInput>;
export const ZCancelVisitInput = visitRef;
export type TCancelVisitInput = z.infer<typeof ZCancelVisitInput>;
