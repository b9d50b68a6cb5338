import { z } from 'zod';
import { ZCommandMeta } from './common.js';
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
