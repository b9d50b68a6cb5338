import type { TKpiDefinition } from '../schemas/kpi.js';

/** Red / amber / green for a KPI reading. Same values as every other RAG in the product. */
export type TKpiRag = 'green' | 'amber' | 'red';

/** The parts of a definition the RAG needs; lets callers pass a full definition or just the bands. */
export type KpiBands = Pick<TKpiDefinition, 'direction' | 'amberBand' | 'redBand'>;

/**
 * RAG for one value.
 *
 * - higher_is_better: below `redBand` → red; below `amberBand` → amber; otherwise green.
 * - lower_is_better: above `redBand` → red; above `amberBand` → amber; otherwise green.
 *
 * A value exactly on a threshold takes the better colour: "maximum caseload 20" means 20 is still
 * allowed (amber), 21 is red; "target 100%" with `amberBand: 100` means only 100 is green.
 *
 * @throws RangeError if `value` is not a finite number (a missing figure is not a green one).
 */
export function kpiRag(definition: KpiBands, value: number): TKpiRag {
  if (!Number.isFinite(value)) throw new RangeError(`KPI value must be a finite number, got ${String(value)}`);
  const { direction, amberBand, redBand } = definition;
  if (direction === 'higher_is_better') {
    if (value < redBand) return 'red';
    if (value < amberBand) return 'amber';
    return 'green';
  }
  if (value > redBand) return 'red';
  if (value > amberBand) return 'amber';
  return 'green';
}

/**
 * Why `value` cannot be a reading of this KPI, or `undefined` if it can. The reading schema does
 * not know the KPI's unit, so the command handler calls this with the definition in hand.
 */
export function kpiValueProblem(definition: Pick<TKpiDefinition, 'unit' | 'name'>, value: number): string | undefined {
  if (!Number.isFinite(value)) return `Enter ${definition.name} as a number`;
  if (definition.unit === 'percent' && (value < 0 || value > 100)) {
    return `${definition.name} is a percentage, so it must be between 0 and 100`;
  }
  if (value < 0) return `${definition.name} cannot be negative`;
  return undefined;
}
