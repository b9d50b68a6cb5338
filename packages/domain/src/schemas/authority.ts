import { z } from 'zod';
import { ZGrade } from './inspection.js';
import { ZIsoDate } from '../calendar/schemas.js';
import { ZCommandMeta } from './common.js';
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

/**
 * ONS codes of English councils with children's services (the councils Ofsted inspects under ILACS):
 * unitary authorities E06, metropolitan districts E08, London boroughs E09, counties E10, each
 * followed by six digits. A new unitary council created by reorganisation gets an E06 code.
 */
export const ZChildrensAuthorityOnsCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^E(06|08|09|10)\d{6}$/, 'Enter the council’s ONS code: E06, E08, E09 or E10 then 6 digits, like E06000065');

/** The nine English regions (ONS), as the council list shows them. */
export const ENGLISH_REGIONS = [
  'North East', 'North West', 'Yorkshire and The Humber', 'East Midlands', 'West Midlands', 'East of England', 'London', 'South East', 'South West',
] as const;
export const ZEnglishRegion = z.enum(ENGLISH_REGIONS, { error: 'Choose the council’s region' });

const authorityName = z.string().trim().min(1, 'Enter the council’s name').max(200, 'The council’s name must be at most 200 characters');

/** An admin adds a council (a new unitary council from local government reorganisation). */
export const ZAddAuthorityInput = ZCommandMeta.extend({ name: authorityName, onsCode: ZChildrensAuthorityOnsCode, region: ZEnglishRegion });
export type TAddAuthorityInput = z.infer<typeof ZAddAuthorityInput>;

/** An admin renames a council; its programmes keep pointing at the same record. */
export const ZRenameAuthorityInput = ZCommandMeta.extend({ id: z.string().min(1, 'Choose the council'), name: authorityName });
export type TRenameAuthorityInput = z.infer<typeof ZRenameAuthorityInput>;

/** Councils merged: `successorId` took over `id`'s children's services on `succeededOn`. */
export const ZRecordSuccessorInput = ZCommandMeta.extend({
  id: z.string().min(1, 'Choose the council that is being replaced'),
  successorId: z.string().min(1, 'Choose the council that takes over'),
  succeededOn: ZIsoDate,
});
export type TRecordSuccessorInput = z.infer<typeof ZRecordSuccessorInput>;
