import { describe, expect, it } from 'vitest';
import { ZKpiDefinition, ZKpiDefinitionFields, ZKpiReading, ZRecordKpiReadingInput } from './kpi.js';

const caseload = {
  key: 'caseload_average',
  name: 'Average social worker caseload',
  unit: 'count',
  direction: 'lower_is_better',
  target: 16,
  amberBand: 16,
  redBand: 20,
  period: 'monthly',
  source: '000_a1136cc60a4f0ad1',
};
const rhi = { ...caseload, key: 'rhi_offered', name: 'RHI offered', unit: 'percent', direction: 'higher_is_better', target: 100, amberBand: 100, redBand: 90 };

function issues(r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (r.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('ZKpiDefinition', () => {
  it('parses both directions', () => {
    expect(ZKpiDefinition.parse(caseload).direction).toBe('lower_is_better');
    expect(ZKpiDefinition.parse(rhi).direction).toBe('higher_is_better');
  });

  it('allows amber at the target or more lenient, not stricter', () => {
    expect(ZKpiDefinition.safeParse({ ...caseload, amberBand: 17 }).success).toBe(true);
    expect(issues(ZKpiDefinition.safeParse({ ...caseload, amberBand: 15 }))).toEqual([
      { path: 'amberBand', message: 'Set the amber threshold at or above the target (16), otherwise hitting the target would not show green' },
    ]);
    expect(ZKpiDefinition.safeParse({ ...rhi, amberBand: 95 }).success).toBe(true);
    expect(issues(ZKpiDefinition.safeParse({ ...rhi, target: 95, amberBand: 96 }))).toEqual([
      { path: 'amberBand', message: 'Set the amber threshold at or below the target (95), otherwise hitting the target would not show green' },
    ]);
  });

  it('needs red strictly beyond amber in the direction of badness', () => {
    expect(issues(ZKpiDefinition.safeParse({ ...caseload, redBand: 16 }))).toEqual([
      { path: 'redBand', message: 'Lower is better for this KPI, so the red threshold must be above the amber threshold (16)' },
    ]);
    expect(issues(ZKpiDefinition.safeParse({ ...rhi, redBand: 100 }))).toEqual([
      { path: 'redBand', message: 'Higher is better for this KPI, so the red threshold must be below the amber threshold (100)' },
    ]);
    expect(ZKpiDefinition.safeParse({ ...rhi, redBand: 99.5 }).success).toBe(true);
  });

  it('keeps percentages within 0–100 and other units non-negative', () => {
    expect(issues(ZKpiDefinition.safeParse({ ...rhi, target: 110, amberBand: 105 }))).toEqual([
      { path: 'target', message: 'A percentage target must be between 0 and 100' },
      { path: 'amberBand', message: 'A percentage amber threshold must be between 0 and 100' },
    ]);
    expect(issues(ZKpiDefinition.safeParse({ ...rhi, unit: 'ratio', target: 3, amberBand: 1, redBand: -1 }))).toEqual([
      { path: 'redBand', message: 'The red threshold cannot be negative' },
    ]);
  });

  it('rejects a non-numeric target with a plain message, and a bad key', () => {
    const r = issues(ZKpiDefinition.safeParse({ ...caseload, key: 'Caseload Avg', target: '16' }));
    expect(r).toContainEqual({ path: 'target', message: 'Enter the target as a number' });
    expect(r).toContainEqual({ path: 'key', message: 'Use lower-case letters, digits, underscores or hyphens, e.g. caseload_average' });
  });

  it('bounds every figure, so none is beyond what PostgreSQL can store (found by fuzzing)', () => {
    expect(issues(ZKpiDefinition.safeParse({ ...caseload, redBand: Number.MAX_VALUE }))).toContainEqual({
      path: 'redBand', message: 'Enter the red threshold between minus and plus one trillion',
    });
    expect(ZKpiReading.safeParse({ kpiKey: 'caseload_average', periodEnd: '2026-01-31', value: -1e13 }).success).toBe(false);
  });

  it('exposes unrefined fields for forms', () => {
    expect(Object.keys(ZKpiDefinitionFields.pick({ target: true, amberBand: true, redBand: true }).shape)).toEqual(['target', 'amberBand', 'redBand']);
  });
});

describe('ZKpiReading and ZRecordKpiReadingInput', () => {
  const reading = { kpiKey: 'caseload_average', periodEnd: '2026-01-31', value: 17.4 };

  it('parses a reading, with or without a note', () => {
    expect(ZKpiReading.parse(reading).value).toBe(17.4);
    expect(ZKpiReading.parse({ ...reading, note: 'Two vacancies' }).note).toBe('Two vacancies');
  });

  it('rejects an impossible period end and a non-finite value', () => {
    const r = issues(ZKpiReading.safeParse({ ...reading, periodEnd: '2026-02-30', value: Number.POSITIVE_INFINITY }));
    expect(r.map((i) => i.path)).toEqual(['periodEnd', 'value']);
    expect(r[0]!.message).toBe('"2026-02-30" does not exist: February 2026 has 28 days');
  });

  it('wraps a reading in a command with meta', () => {
    const input = { clientRequestId: 'req-00000001', reason: 'Monthly figures', programmeId: 'p1', reading };
    expect(ZRecordKpiReadingInput.parse(input).reading.kpiKey).toBe('caseload_average');
    expect(issues(ZRecordKpiReadingInput.safeParse({ ...input, reason: '' })).map((i) => i.path)).toEqual(['reason']);
  });
});
