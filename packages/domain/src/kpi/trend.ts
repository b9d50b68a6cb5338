import type { TKpiDirection, TKpiReading } from '../schemas/kpi.js';
import { orderKpiReadings } from './readings.js';

export type TKpiTrend = 'improving' | 'worsening' | 'flat';

/**
 * Period-on-period direction of travel: the latest reading against the one before it, as board
 * reports show it (an arrow beside the figure). "Improving" depends on the KPI's direction, which
 * is why it is a parameter: a caseload falling from 17 to 16 is improving.
 *
 * Fewer than two periods, or a change no bigger than `tolerance` (in the KPI's unit), is flat.
 * Same-period corrections are collapsed first (see `orderKpiReadings`).
 *
 * @throws RangeError if the readings are for more than one KPI, or `tolerance` is negative.
 */
export function kpiTrend(
  readings: readonly TKpiReading[],
  direction: TKpiDirection,
  options: { tolerance?: number } = {},
): TKpiTrend {
  const tolerance = options.tolerance ?? 0;
  if (!(tolerance >= 0)) throw new RangeError(`tolerance must be zero or more, got ${tolerance}`);
  const keys = new Set(readings.map((r) => r.kpiKey));
  if (keys.size > 1) throw new RangeError(`kpiTrend needs the readings of one KPI, got: ${[...keys].join(', ')}`);
  const ordered = orderKpiReadings(readings);
  const latest = ordered.at(-1);
  const previous = ordered.at(-2);
  if (!latest || !previous) return 'flat';
  const change = latest.value - previous.value;
  if (Math.abs(change) <= tolerance) return 'flat';
  const better = direction === 'higher_is_better' ? change > 0 : change < 0;
  return better ? 'improving' : 'worsening';
}
