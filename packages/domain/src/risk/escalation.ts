import type { TRisk } from '../schemas/risk.js';
import { residualRiskScore } from './score.js';

export type TRiskEscalationReason = 'at_or_above_threshold' | 'rising';

export interface RiskEscalation {
  escalate: boolean;
  /** Who hears about it now; null when no one needs to. Values match the escalation ladder levels. */
  level: 'owner' | 'improvement_board' | null;
  /** Post-mitigation score now. */
  score: number;
  reasons: TRiskEscalationReason[];
}

/**
 * BRIEF (b): "post-mitigation score ≥ threshold or rising → owner, then board".
 *
 * - At or above the risk's threshold for the first time, or rising (higher than at the previous
 *   review) while below it → the owner.
 * - At or above the threshold at this review *and* the previous one → the improvement board:
 *   the owner has had a review cycle to bring it down. Rising while already over the threshold
 *   is included, since it was over last time too.
 * - Otherwise (below threshold and not rising) → nobody. A first review (no previous score)
 *   cannot be "rising".
 *
 * @param previousScore the post-mitigation score at the previous review, if there was one.
 * @throws RangeError if `previousScore` is not a whole number 1–25.
 */
export function riskNeedsEscalation(
  risk: Pick<TRisk, 'afterMitigation' | 'threshold'>,
  previousScore?: number,
): RiskEscalation {
  if (previousScore !== undefined && (!Number.isInteger(previousScore) || previousScore < 1 || previousScore > 25)) {
    throw new RangeError(`previousScore must be a whole number from 1 to 25, got ${String(previousScore)}`);
  }
  const score = residualRiskScore(risk);
  const reasons: TRiskEscalationReason[] = [];
  const over = score >= risk.threshold;
  if (over) reasons.push('at_or_above_threshold');
  if (previousScore !== undefined && score > previousScore) reasons.push('rising');
  if (reasons.length === 0) return { escalate: false, level: null, score, reasons };
  const wasOver = previousScore !== undefined && previousScore >= risk.threshold;
  return { escalate: true, level: over && wasOver ? 'improvement_board' : 'owner', score, reasons };
}
