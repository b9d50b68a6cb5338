/**
 * Command inputs for a programme's registers (KPIs, risks, workstreams, recommendations): records a
 * programme manager keeps, rather than workflows. Each nests the concept's own schema, so a form
 * validates with the same schema the API does, and errors name the nested field (`kpi.redBand`).
 */
import { z } from 'zod';
import { ZCommandMeta } from './common.js';
import { ZKpiDefinition } from './kpi.js';
import { ZWorkstream } from './plan.js';
import { ZRecommendation } from './recommendation.js';
import { ZRisk } from './risk.js';

const programmeId = z.string().trim().min(1, 'Missing programme id').max(200, 'The programme id must be at most 200 characters');
const recordId = z.string().trim().min(1, 'Missing record id').max(200, 'The record id must be at most 200 characters');

/** Which programme a query is about (e.g. the risk heat map). */
export const ZProgrammeRef = z.strictObject({ programmeId });
export type TProgrammeRef = z.infer<typeof ZProgrammeRef>;

/** Add a KPI to a programme. Its key must be new within the programme. */
export const ZCreateKpiInput = ZCommandMeta.extend({ programmeId, kpi: ZKpiDefinition });
export type TCreateKpiInput = z.infer<typeof ZCreateKpiInput>;

/**
 * A react-admin `update`: `{ id, data }`, where `data` carries the command meta and the whole new
 * record (the edit form submits every field, so there is no partial update to reconcile).
 */
function updateInput<S extends z.ZodType, K extends string>(field: K, schema: S) {
  return z.object({ id: recordId, data: ZCommandMeta.extend({ [field]: schema } as { [P in K]: S }) });
}

/** Change a KPI's definition. The key cannot change once readings refer to it. */
export const ZUpdateKpiInput = updateInput('kpi', ZKpiDefinition);
export type TUpdateKpiInput = z.infer<typeof ZUpdateKpiInput>;

/** Re-score or edit a risk by id (`risks.record` does the same by programme and ref). */
export const ZUpdateRiskInput = updateInput('risk', ZRisk);
export type TUpdateRiskInput = z.infer<typeof ZUpdateRiskInput>;

/** Rename a workstream, change its lead, phase or priority number. */
export const ZUpdateWorkstreamInput = updateInput('workstream', ZWorkstream);
export type TUpdateWorkstreamInput = z.infer<typeof ZUpdateWorkstreamInput>;

/** Record a recommendation from an Ofsted report against a programme. */
export const ZAddRecommendationInput = ZCommandMeta.extend({ programmeId, recommendation: ZRecommendation });
export type TAddRecommendationInput = z.infer<typeof ZAddRecommendationInput>;

/** Correct a recommendation's wording, area or reference. */
export const ZUpdateRecommendationInput = updateInput('recommendation', ZRecommendation);
export type TUpdateRecommendationInput = z.infer<typeof ZUpdateRecommendationInput>;

/** A programme's own rules, set by an admin (see the API's programmeSettings router). */
export const ZProgrammeSettingsInput = ZCommandMeta.extend({
  programmeId: z.string().min(1, 'Choose the programme'),
  /** Sign-off must come from someone who neither asked for it nor owns the action. On by default. */
  signOffSeparation: z.boolean({ error: 'Say whether sign-off needs separation of duties' }),
});
export type TProgrammeSettingsInput = z.infer<typeof ZProgrammeSettingsInput>;
