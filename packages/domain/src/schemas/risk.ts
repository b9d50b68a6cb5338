import { z } from 'zod';
import { ZCommandMeta } from './common.js';

const oneToFive = (what: string, low: string, high: string) =>
  z
    .number({ error: `Enter ${what} as a number from 1 to 5` })
    .int(`${capitalise(what)} must be a whole number from 1 (${low}) to 5 (${high})`)
    .min(1, `${capitalise(what)} must be from 1 (${low}) to 5 (${high})`)
    .max(5, `${capitalise(what)} must be from 1 (${low}) to 5 (${high})`);

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** 1 = rare … 5 = almost certain. */
export const ZLikelihood = oneToFive('likelihood', 'rare', 'almost certain');
/** 1 = negligible … 5 = severe. */
export const ZImpact = oneToFive('impact', 'negligible', 'severe');

/** A position on the 5×5 grid. */
export const ZRiskAssessment = z.object({ likelihood: ZLikelihood, impact: ZImpact });
export type TRiskAssessment = z.infer<typeof ZRiskAssessment>;

/** Unrefined fields of {@link ZRisk}, for forms that `.pick()`. Validate with ZRisk. */
export const ZRiskFields = z.object({
  /** The register's reference, e.g. "R07". */
  ref: z
    .string()
    .trim()
    .min(1, 'Enter a reference, e.g. R07')
    .max(20, 'Keep the reference short (at most 20 characters), e.g. R07')
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Use letters, digits, dots, hyphens or underscores in the reference, e.g. R07'),
  title: z.string().trim().min(1, 'Enter a short title for the risk').max(200, 'The title must be at most 200 characters'),
  owner: z.string().trim().min(1, 'Name the risk owner').max(200, 'The owner’s name must be at most 200 characters'),
  /** Inherent risk: before any mitigation. */
  beforeMitigation: ZRiskAssessment,
  /** Residual risk: after the mitigations in place. This is the score that escalates. */
  afterMitigation: ZRiskAssessment,
  mitigation: z.string().trim().max(4000, 'The mitigation must be at most 4000 characters').optional(),
  /**
   * Residual score (likelihood × impact, 1–25) at or above which the owner, then the board, is
   * told (BRIEF (b)). Set per risk: the council's risk appetite differs by risk.
   */
  threshold: z
    .number({ error: 'Enter the escalation threshold as a number from 1 to 25' })
    .int('The escalation threshold must be a whole number from 1 to 25')
    .min(1, 'The escalation threshold must be from 1 to 25')
    .max(25, 'The escalation threshold must be from 1 to 25'),
});

/**
 * An entry on the risk register (BRIEF (c) Risk). Mitigation can only lower likelihood or impact;
 * a mitigated figure above the unmitigated one is a data-entry slip, so it is rejected.
 */
export const ZRisk = ZRiskFields.superRefine((r, ctx) => {
  for (const axis of ['likelihood', 'impact'] as const) {
    if (r.afterMitigation[axis] > r.beforeMitigation[axis]) {
      ctx.addIssue({
        code: 'custom',
        path: ['afterMitigation', axis],
        message: `${capitalise(axis)} after mitigation (${r.afterMitigation[axis]}) cannot be higher than before mitigation (${r.beforeMitigation[axis]})`,
      });
    }
  }
});
export type TRisk = z.infer<typeof ZRisk>;

/** Add a risk to the register, or re-score an existing one (same `ref`). */
export const ZRecordRiskInput = ZCommandMeta.extend({
  programmeId: z.string().min(1, 'Missing programme id'),
  risk: ZRisk,
});
export type TRecordRiskInput = z.infer<typeof ZRecordRiskInput>;

/**
 * Where the RAG bands of a 5×5 score start (see `riskRag`). Configuration, not code: councils'
 * registers differ, and the seeds give post-mitigation scores but not the bands.
 */
export const ZRiskBands = z
  .object({
    amberFrom: z.number().int('Band starts must be whole numbers').min(2, 'Amber must start at 2 or more').max(25),
    redFrom: z.number().int('Band starts must be whole numbers').min(2).max(25, 'Red must start at 25 or less'),
  })
  .superRefine((b, ctx) => {
    if (b.redFrom <= b.amberFrom) {
      ctx.addIssue({ code: 'custom', path: ['redFrom'], message: `Red must start at a higher score than amber (${b.amberFrom})` });
    }
  });
export type TRiskBands = z.infer<typeof ZRiskBands>;

/** 1–4 green, 5–12 amber, 15–25 red (13 and 14 cannot occur on a 5×5 grid). */
export const DEFAULT_RISK_BANDS: TRiskBands = { amberFrom: 5, redFrom: 15 };
