/** Ofsted's four-point scale and its labels: plain data, so reducers can use it without zod (ZGrade is in ./inspection.ts). */
export const GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const;
export type TGrade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<TGrade, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement to be good',
  inadequate: 'Inadequate',
};
