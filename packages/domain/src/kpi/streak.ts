import type { TKpiDefinition, TKpiReading } from '../schemas/kpi.js';
import { kpiRag, type TKpiRag } from './rag.js';
import { orderKpiReadings } from './readings.js';

/** BRIEF (b): "KPI breach → RAG change, owner; red 2 months → board". */
export const DEFAULT_BOARD_AFTER_RED_PERIODS = 2;

export interface KpiBreachStreak {
  /** RAG of the latest period; null when the KPI has no readings yet. */
  rag: TKpiRag | null;
  /** RAG of the period before the latest; null when there is none. */
  previousRag: TKpiRag | null;
  latestPeriodEnd: string | null;
  /** Consecutive red periods ending with the latest one (0 when the latest is not red). */
  redPeriodsRunning: number;
  /** The RAG changed to amber or red this period: tell the KPI owner. */
  notifyOwner: boolean;
  /** Red for `boardAfterRedPeriods` periods running: report to the improvement board. */
  escalateToBoard: boolean;
}

/**
 * Where a KPI stands and who must hear about it, from its readings.
 *
 * Readings for other KPIs are ignored, so a caller can pass a programme's whole series. A period
 * with no reading does not break a red streak: missing data must never hide a breach, so red in
 * January, nothing in February and red in March counts as two periods running.
 *
 * "Two periods" follows the KPI's own period: two months for a monthly KPI, two quarters for a
 * quarterly one. Councils that want a different trigger pass `boardAfterRedPeriods`.
 */
export function kpiBreachStreak(
  definition: TKpiDefinition,
  readings: readonly TKpiReading[],
  options: { boardAfterRedPeriods?: number } = {},
): KpiBreachStreak {
  const boardAfter = options.boardAfterRedPeriods ?? DEFAULT_BOARD_AFTER_RED_PERIODS;
  if (!Number.isInteger(boardAfter) || boardAfter < 1) {
    throw new RangeError(`boardAfterRedPeriods must be a whole number of at least 1, got ${boardAfter}`);
  }
  const rags = orderKpiReadings(readings.filter((r) => r.kpiKey === definition.key)).map((r) => ({
    periodEnd: r.periodEnd,
    rag: kpiRag(definition, r.value),
  }));
  const latest = rags.at(-1);
  if (!latest) {
    return { rag: null, previousRag: null, latestPeriodEnd: null, redPeriodsRunning: 0, notifyOwner: false, escalateToBoard: false };
  }
  const previousRag = rags.at(-2)?.rag ?? null;
  let redPeriodsRunning = 0;
  for (let i = rags.length - 1; i >= 0 && rags[i]?.rag === 'red'; i--) redPeriodsRunning++;
  return {
    rag: latest.rag,
    previousRag,
    latestPeriodEnd: latest.periodEnd,
    redPeriodsRunning,
    notifyOwner: latest.rag !== 'green' && latest.rag !== previousRag,
    escalateToBoard: redPeriodsRunning >= boardAfter,
  };
}
