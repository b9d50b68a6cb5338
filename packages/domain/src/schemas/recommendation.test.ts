import { describe, expect, it } from 'vitest';
import { JUDGEMENT_AREA_LABELS, ZJudgementArea, ZRecommendation } from './recommendation.js';

describe('ZRecommendation', () => {
  const rec = {
    ref: 'R3',
    text: 'Ensure that return home interviews are offered to every child who goes missing.',
    judgementArea: 'help_and_protection',
    sourceInspectionId: 'insp_northmoor_2025',
  };

  it('parses, defaulting priorityAction to false', () => {
    expect(ZRecommendation.parse(rec).priorityAction).toBe(false);
    expect(ZRecommendation.parse({ ...rec, ref: 'PA1', priorityAction: true }).priorityAction).toBe(true);
  });

  it('includes care leavers as a judgement area, each labelled', () => {
    expect(ZJudgementArea.options).toContain('care_leavers');
    expect(Object.keys(JUDGEMENT_AREA_LABELS)).toEqual(ZJudgementArea.options);
  });

  it('explains a bad reference and a missing source inspection', () => {
    const r = ZRecommendation.safeParse({ ...rec, ref: 'R 3', sourceInspectionId: '' });
    const byPath = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byPath.ref).toMatch(/^Use letters, digits/);
    expect(byPath.sourceInspectionId).toBe('Say which inspection made this recommendation');
  });
});
