import type { TKpiReading } from '../schemas/kpi.js';

/**
 * Readings in period order, one per period. When two readings share a `periodEnd`, the one later in
 * the input wins: corrections are appended, never edited in place, so the last word is the latest.
 */
export function orderKpiReadings(readings: readonly TKpiReading[]): TKpiReading[] {
  const byPeriod = new Map<string, TKpiReading>();
  for (const r of readings) byPeriod.set(r.periodEnd, r);
  return [...byPeriod.values()].sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : 0));
}
