import type { Risk } from '@ip/db';
import { heatMapCell, riskHeatMap, riskNeedsEscalation, riskRag, riskScore, type TRisk } from '@ip/domain';

/** The columns a validated risk is stored in; scores come from the domain rule, never recomputed here. */
export function riskColumns(r: TRisk) {
  return {
    ref: r.ref,
    title: r.title,
    owner: r.owner,
    beforeLikelihood: r.beforeMitigation.likelihood,
    beforeImpact: r.beforeMitigation.impact,
    afterLikelihood: r.afterMitigation.likelihood,
    afterImpact: r.afterMitigation.impact,
    beforeScore: riskScore(r.beforeMitigation.likelihood, r.beforeMitigation.impact),
    afterScore: riskScore(r.afterMitigation.likelihood, r.afterMitigation.impact),
    threshold: r.threshold,
    mitigation: r.mitigation ?? null,
  };
}

type RiskAssessed = Pick<Risk, 'ref' | 'beforeLikelihood' | 'beforeImpact' | 'afterLikelihood' | 'afterImpact'>;

export function riskAssessments(row: RiskAssessed) {
  return {
    beforeMitigation: { likelihood: row.beforeLikelihood, impact: row.beforeImpact },
    afterMitigation: { likelihood: row.afterLikelihood, impact: row.afterImpact },
  };
}

/**
 * The risk as the register shows it: scores, RAG and heat-map cells before and after mitigation,
 * and whether the residual score must be escalated (BRIEF (b): at or over threshold, or rising).
 */
export function toRiskRecord(row: Risk) {
  const { beforeMitigation, afterMitigation } = riskAssessments(row);
  const escalation = riskNeedsEscalation({ afterMitigation, threshold: row.threshold }, row.previousScore ?? undefined);
  return {
    id: row.id,
    programmeId: row.programmeId,
    ref: row.ref,
    title: row.title,
    owner: row.owner,
    beforeMitigation,
    afterMitigation,
    mitigation: row.mitigation,
    threshold: row.threshold,
    beforeScore: row.beforeScore,
    score: row.afterScore,
    previousScore: row.previousScore,
    rag: riskRag(row.afterScore),
    beforeRag: riskRag(row.beforeScore),
    cell: heatMapCell(afterMitigation.likelihood, afterMitigation.impact),
    beforeCell: heatMapCell(beforeMitigation.likelihood, beforeMitigation.impact),
    escalation,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type RiskRecord = ReturnType<typeof toRiskRecord>;

/**
 * Heat maps before and after mitigation. riskHeatMap places risks by their post-mitigation
 * position, so the "before" map is drawn by handing it each risk's inherent position.
 */
export function riskHeatMaps(rows: readonly RiskAssessed[]) {
  const assessed = rows.map((r) => ({ ref: r.ref, ...riskAssessments(r) }));
  return {
    before: riskHeatMap(assessed.map((r) => ({ ref: r.ref, afterMitigation: r.beforeMitigation }))),
    after: riskHeatMap(assessed),
  };
}
