import { z } from 'zod';
import { ZGrade } from './inspection.js';
import { ZOnsCode } from './programme.js';

/**
 * Where the authority stands on the DfE intervention track (BRIEF (a), "DfE track"). The finer
 * ADM stages (options, business case, shadow, live) are tracked by the intervention lifecycle;
 * on the authority record they all read as `adm`. `none` covers both "never in intervention" and
 * "intervention closed".
 */
export const ZInterventionStatus = z.enum([
  'none',
  'improvement_notice',
  'statutory_direction',
  'adm',
  'exit_supervision',
]);
export type TInterventionStatus = z.infer<typeof ZInterventionStatus>;

export const INTERVENTION_STATUS_LABELS: Record<TInterventionStatus, string> = {
  none: 'No DfE intervention',
  improvement_notice: 'Improvement notice (non-statutory)',
  statutory_direction: 'Statutory direction (commissioner appointed)',
  adm: 'Alternative delivery model (trust or council-owned company)',
  exit_supervision: 'Exit supervision',
};

const personName = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the name of the ${what}`)
    .max(200, `The name of the ${what} must be at most 200 characters`);

/** A council with children's services responsibilities (BRIEF (c) LocalAuthority). */
export const ZLocalAuthority = z.object({
  name: z.string().trim().min(1, "Enter the council's name").max(200, "The council's name must be at most 200 characters"),
  onsCode: ZOnsCode,
  region: z.string().trim().max(100).optional(),
  /** Director of Children's Services (statutory role, s18 Children Act 2004). */
  dcsName: personName('Director of Children’s Services'),
  /** Lead Member for Children's Services (statutory role, s19 Children Act 2004). */
  leadMember: personName('lead member'),
  /** Latest ILACS overall-effectiveness grade; null until the first inspection is recorded. */
  currentGrade: ZGrade.nullable(),
  interventionStatus: ZInterventionStatus,
});
export type TLocalAuthority = z.infer<typeof ZLocalAuthority>;
