import { DEFAULT_RISK_BANDS, type TRisk, type TRiskBands } from '../schemas/risk.js';

/** Red / amber / green for a risk score. Same values as every other RAG in the product. */
export type TRiskRag = 'green' | 'amber' | 'red';

function assertOneToFive(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 5) throw new RangeError(`${name} must be a whole number from 1 to 5, got ${String(n)}`);
}

/**
 * Likelihood × impact, 1–25.
 * @throws RangeError unless both are whole numbers 1–5.
 */
export function riskScore(likelihood: number, impact: number): number {
  assertOneToFive('likelihood', likelihood);
  assertOneToFive('impact', impact);
  return likelihood * impact;
}

/** Score before mitigation (inherent risk). */
export function inherentRiskScore(risk: Pick<TRisk, 'beforeMitigation'>): number {
  return riskScore(risk.beforeMitigation.likelihood, risk.beforeMitigation.impact);
}

/** Score after mitigation (residual risk): the one that is RAG-rated and escalated. */
export function residualRiskScore(risk: Pick<TRisk, 'afterMitigation'>): number {
  return riskScore(risk.afterMitigation.likelihood, risk.afterMitigation.impact);
}

/**
 * RAG for a score. Default bands (`DEFAULT_RISK_BANDS`): 1–4 green, 5–12 amber, 15–25 red, the
 * usual split of a 5×5 local-government register. Red (3×5, 4×4, 4×5, 5×5) needs likelihood and
 * impact both at 3 or more, so red always means likely *and* serious; a 5 on one axis with a 1 on
 * the other (5) is amber, not ignored. 13 and 14 cannot occur; they would read amber.
 *
 * @throws RangeError unless `score` is a whole number 1–25.
 */
export function riskRag(score: number, bands: TRiskBands = DEFAULT_RISK_BANDS): TRiskRag {
  if (!Number.isInteger(score) || score < 1 || score > 25) throw new RangeError(`risk score must be a whole number from 1 to 25, got ${String(score)}`);
  if (score >= bands.redFrom) return 'red';
  if (score >= bands.amberFrom) return 'amber';
  return 'green';
}

export interface HeatMapCell {
  /** Stable id, e.g. "L4-I3". */
  key: string;
  likelihood: number;
  impact: number;
  score: number;
  rag: TRiskRag;
  /** Grid row, 0 at the top: impact 5 is drawn on top, as on a printed heat map. */
  row: number;
  /** Grid column, 0 at the left: likelihood 1 on the left. */
  column: number;
}

/** Where a likelihood/impact pair sits on the 5×5 heat map, with its score and colour. */
export function heatMapCell(likelihood: number, impact: number, bands: TRiskBands = DEFAULT_RISK_BANDS): HeatMapCell {
  const score = riskScore(likelihood, impact);
  return { key: `L${likelihood}-I${impact}`, likelihood, impact, score, rag: riskRag(score, bands), row: 5 - impact, column: likelihood - 1 };
}

/**
 * The whole 5×5 heat map (rows top to bottom, impact 5 first) with the refs of the risks whose
 * post-mitigation position falls in each cell, as on the Trafford board's Risk Heat Map (seed 002).
 */
export function riskHeatMap(
  risks: readonly Pick<TRisk, 'ref' | 'afterMitigation'>[],
  bands: TRiskBands = DEFAULT_RISK_BANDS,
): (HeatMapCell & { refs: string[] })[][] {
  const grid = [5, 4, 3, 2, 1].map((impact) => [1, 2, 3, 4, 5].map((l) => ({ ...heatMapCell(l, impact, bands), refs: [] as string[] })));
  for (const r of risks) {
    const cell = heatMapCell(r.afterMitigation.likelihood, r.afterMitigation.impact, bands);
    grid[cell.row]?.[cell.column]?.refs.push(r.ref);
  }
  return grid;
}
