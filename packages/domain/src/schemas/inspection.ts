import { z } from 'zod';
import { ZIsoDate } from '../calendar/schemas.js';
import { GRADE_LABELS, GRADES, type TGrade } from './grades.js';

/** Ofsted's four-point scale. */
export const ZGrade = z.enum(GRADES);
export type { TGrade };
export { GRADE_LABELS };

/** Kinds of inspection event recorded against an authority (BRIEF "Framework facts"). */
export const ZInspectionType = z.enum(['standard', 'short', 'focused_visit', 'monitoring_visit', 'jtai']);
export type TInspectionType = z.infer<typeof ZInspectionType>;

/**
 * ILACS judgement areas. Care leavers has been a separate judgement since January 2023, so it is
 * optional for older inspections.
 */
export const ZJudgements = z.object({
  overallEffectiveness: ZGrade,
  impactOfLeaders: ZGrade.optional(),
  helpAndProtection: ZGrade.optional(),
  childrenInCare: ZGrade.optional(),
  careLeavers: ZGrade.optional(),
});
export type TJudgements = z.infer<typeof ZJudgements>;

/** An inspection as the programme manager records it from Ofsted's report. */
export const ZInspection = z
  .object({
    type: ZInspectionType,
    fieldworkStartedOn: ZIsoDate,
    fieldworkEndedOn: ZIsoDate,
    leadInspector: z.string().trim().max(200).optional(),
    reportReceivedOn: ZIsoDate,
    judgements: ZJudgements,
  })
  .superRefine((v, ctx) => {
    if (v.fieldworkEndedOn < v.fieldworkStartedOn) {
      ctx.addIssue({ code: 'custom', path: ['fieldworkEndedOn'], message: 'Fieldwork cannot end before it starts' });
    }
    if (v.reportReceivedOn < v.fieldworkEndedOn) {
      ctx.addIssue({ code: 'custom', path: ['reportReceivedOn'], message: 'The report cannot be received before fieldwork ends' });
    }
  });
export type TInspection = z.infer<typeof ZInspection>;
