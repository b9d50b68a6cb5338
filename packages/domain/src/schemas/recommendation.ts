import { z } from 'zod';

/**
 * ILACS judgement areas a recommendation or priority area can sit under. Care leavers has been a
 * separate judgement since January 2023 (BRIEF "Framework facts", S6). Values mirror the keys of
 * `ZJudgements` in snake_case.
 */
export const ZJudgementArea = z.enum([
  'overall_effectiveness',
  'impact_of_leaders',
  'help_and_protection',
  'children_in_care',
  'care_leavers',
]);
export type TJudgementArea = z.infer<typeof ZJudgementArea>;

export const JUDGEMENT_AREA_LABELS: Record<TJudgementArea, string> = {
  overall_effectiveness: 'Overall effectiveness',
  impact_of_leaders: 'The impact of leaders on social work practice with children and families',
  help_and_protection: 'The experiences and progress of children who need help and protection',
  children_in_care: 'The experiences and progress of children in care',
  care_leavers: 'The experiences and progress of care leavers',
};

/**
 * A recommendation (or, after a focused visit, an "area for priority action") from an Ofsted
 * report. Actions link to it by `ref`, which is why the ref must be stable once recorded.
 */
export const ZRecommendation = z.object({
  /** The council's short reference, e.g. "R3" or "PA1". */
  ref: z
    .string()
    .trim()
    .min(1, 'Enter a reference, e.g. R3')
    .max(20, 'Keep the reference short (at most 20 characters), e.g. R3')
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Use letters, digits, dots, hyphens or underscores in the reference, e.g. R3 or PA-1'),
  /** The wording as it appears in the report. */
  text: z.string().trim().min(1, 'Enter the recommendation as worded in the report').max(4000, 'The recommendation must be at most 4000 characters'),
  judgementArea: ZJudgementArea,
  /** Id of the inspection (or visit) whose report made this recommendation. */
  sourceInspectionId: z.string().trim().min(1, 'Say which inspection made this recommendation'),
  /**
   * True for an "area for priority action": Ofsted expects a draft plan within 20 working days
   * as well as the 70-day plan (BRIEF, S16).
   */
  priorityAction: z.boolean().default(false),
});
export type TRecommendation = z.infer<typeof ZRecommendation>;
export type TRecommendationInput = z.input<typeof ZRecommendation>;
