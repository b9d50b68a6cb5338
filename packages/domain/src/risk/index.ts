/** Risk register rules: 5×5 scoring, RAG bands, heat map and escalation. Pure. */
export {
  heatMapCell,
  inherentRiskScore,
  residualRiskScore,
  riskHeatMap,
  riskRag,
  riskScore,
  type HeatMapCell,
  type TRiskRag,
} from './score.js';
export { riskNeedsEscalation, type RiskEscalation, type TRiskEscalationReason } from './escalation.js';
