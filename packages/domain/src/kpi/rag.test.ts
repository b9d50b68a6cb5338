import { describe, expect, it } from 'vitest';
import { kpiRag, kpiValueProblem } from './rag.js';

const caseload = { direction: 'lower_is_better', amberBand: 16, redBand: 20 } as const;
const rhi72 = { direction: 'higher_is_better', amberBand: 100, redBand: 80 } as const;

describe('kpiRag', () => {
  it.each([
    [15, 'green'],
    [16, 'green'],
    [16.01, 'amber'],
    [20, 'amber'],
    [20.01, 'red'],
    [21, 'red'],
  ] as const)('lower is better (caseload 16/20): %s → %s', (value, rag) => {
    expect(kpiRag(caseload, value)).toBe(rag);
  });

  it.each([
    [100, 'green'],
    [99.9, 'amber'],
    [80, 'amber'],
    [79.9, 'red'],
    [24, 'red'],
  ] as const)('higher is better (RHI within 72h 100/80): %s → %s', (value, rag) => {
    expect(kpiRag(rhi72, value)).toBe(rag);
  });

  it('gives green a tolerance band when amber sits below the target', () => {
    const tolerant = { direction: 'higher_is_better', amberBand: 95, redBand: 85 } as const;
    expect(kpiRag(tolerant, 95)).toBe('green');
    expect(kpiRag(tolerant, 94)).toBe('amber');
    expect(kpiRag(tolerant, 85)).toBe('amber');
    expect(kpiRag(tolerant, 84)).toBe('red');
  });

  it('refuses a missing figure rather than colouring it', () => {
    expect(() => kpiRag(caseload, Number.NaN)).toThrow(RangeError);
    expect(() => kpiRag(rhi72, Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });
});

describe('kpiValueProblem', () => {
  const pct = { unit: 'percent', name: 'RHI offered' } as const;
  const count = { unit: 'count', name: 'Average caseload' } as const;

  it('accepts the bounds of a percentage and zero counts', () => {
    expect(kpiValueProblem(pct, 0)).toBeUndefined();
    expect(kpiValueProblem(pct, 100)).toBeUndefined();
    expect(kpiValueProblem(count, 0)).toBeUndefined();
    expect(kpiValueProblem(count, 250)).toBeUndefined();
  });

  it('explains out-of-range values in the KPI’s own name', () => {
    expect(kpiValueProblem(pct, 100.1)).toBe('RHI offered is a percentage, so it must be between 0 and 100');
    expect(kpiValueProblem(pct, -1)).toBe('RHI offered is a percentage, so it must be between 0 and 100');
    expect(kpiValueProblem(count, -0.5)).toBe('Average caseload cannot be negative');
    expect(kpiValueProblem(count, Number.NaN)).toBe('Enter Average caseload as a number');
  });
});
