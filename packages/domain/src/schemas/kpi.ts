import { z } from 'zod';
import { ZIsoDate } from '../calendar/index.js';
import { ZCommandMeta } from './common.js';

export const ZKpiUnit = z.enum(['percent', 'count', 'ratio', 'days']);
export type TKpiUnit = z.infer<typeof ZKpiUnit>;

export const ZKpiDirection = z.enum(['higher_is_better', 'lower_is_better']);
export type TKpiDirection = z.infer<typeof ZKpiDirection>;

export const ZKpiPeriod = z.enum(['monthly', 'quarterly']);
export type TKpiPeriod = z.infer<typeof ZKpiPeriod>;

/** Stable KPI key, e.g. `caseload_average`; readings refer to it, so it never changes once used. */
export const ZKpiKey = z
  .string()
  .max(64, 'Keep the KPI key to at most 64 characters')
  .regex(/^[a-z0-9]+([_-][a-z0-9]+)*$/, 'Use lower-case letters, digits, underscores or hyphens, e.g. caseload_average');

/**
 * Unrefined fields of {@link ZKpiDefinition}, for forms that `.pick()`. Validate with ZKpiDefinition.
 *
 * How the bands read (see `kpiRag`): a value *worse than* `amberBand` is amber, a value *worse
 * than* `redBand` is red, anything else is green. A value exactly on a threshold takes the better
 * colour, so "maximum caseload 20" is `redBand: 20` and a caseload of 20 is amber, not red.
 */
/**
 * A KPI figure (target, band or reading). Bounded well beyond any real figure, because PostgreSQL's
 * double precision cannot hold every JavaScript number (Number.MAX_VALUE round-trips above it).
 */
const KPI_FIGURE_LIMIT = 1e12;
function kpiFigure(what: string) {
  return z
    .number({ error: `Enter ${what} as a number` })
    .min(-KPI_FIGURE_LIMIT, `Enter ${what} between minus and plus one trillion`)
    .max(KPI_FIGURE_LIMIT, `Enter ${what} between minus and plus one trillion`);
}

export const ZKpiDefinitionFields = z.object({
  key: ZKpiKey,
  name: z.string().trim().min(1, 'Enter the KPI name').max(200, 'The KPI name must be at most 200 characters'),
  unit: ZKpiUnit,
  direction: ZKpiDirection,
  /** What the council is aiming for; shown beside every reading. */
  target: kpiFigure('the target'),
  /** Worse than this is amber. At the target or more lenient, so hitting the target is green. */
  amberBand: kpiFigure('the amber threshold'),
  /** Worse than this is red. Must be further from the target than the amber threshold. */
  redBand: kpiFigure('the red threshold'),
  period: ZKpiPeriod,
  /** Where the figure (and its target) comes from: a report, a system, or a seed document id. */
  source: z.string().trim().min(1, 'Say where this KPI comes from').max(200, 'The source must be at most 200 characters'),
});

const BAND_FIELDS = [
  ['target', 'target'],
  ['amberBand', 'amber threshold'],
  ['redBand', 'red threshold'],
] as const;

/** A performance indicator the board watches, with its RAG thresholds (BRIEF (c) KPI, (d)). */
export const ZKpiDefinition = ZKpiDefinitionFields.superRefine((d, ctx) => {
  for (const [field, label] of BAND_FIELDS) {
    const v = d[field];
    if (d.unit === 'percent' && (v < 0 || v > 100)) {
      ctx.addIssue({ code: 'custom', path: [field], message: `A percentage ${label} must be between 0 and 100` });
    } else if (v < 0) {
      ctx.addIssue({ code: 'custom', path: [field], message: `The ${label} cannot be negative` });
    }
  }
  const higher = d.direction === 'higher_is_better';
  if (higher ? d.amberBand > d.target : d.amberBand < d.target) {
    ctx.addIssue({
      code: 'custom',
      path: ['amberBand'],
      message: higher
        ? `Set the amber threshold at or below the target (${d.target}), otherwise hitting the target would not show green`
        : `Set the amber threshold at or above the target (${d.target}), otherwise hitting the target would not show green`,
    });
  }
  if (higher ? d.redBand >= d.amberBand : d.redBand <= d.amberBand) {
    ctx.addIssue({
      code: 'custom',
      path: ['redBand'],
      message: higher
        ? `Higher is better for this KPI, so the red threshold must be below the amber threshold (${d.amberBand})`
        : `Lower is better for this KPI, so the red threshold must be above the amber threshold (${d.amberBand})`,
    });
  }
});
export type TKpiDefinition = z.infer<typeof ZKpiDefinition>;

/** One period's figure for one KPI. `periodEnd` is the last day the figure covers. */
export const ZKpiReading = z.object({
  kpiKey: ZKpiKey,
  periodEnd: ZIsoDate,
  value: kpiFigure('the value'),
  note: z.string().trim().max(2000, 'The note must be at most 2000 characters').optional(),
});
export type TKpiReading = z.infer<typeof ZKpiReading>;

/** Record (or correct: a later reading for the same period replaces the earlier) a KPI figure. */
export const ZRecordKpiReadingInput = ZCommandMeta.extend({
  programmeId: z.string().min(1, 'Missing programme id'),
  reading: ZKpiReading,
});
export type TRecordKpiReadingInput = z.infer<typeof ZRecordKpiReadingInput>;
