import { describe, expect, it } from 'vitest';
import { heatMapCell, inherentRiskScore, residualRiskScore, riskHeatMap, riskRag, riskScore } from './score.js';

describe('riskScore', () => {
  it('is likelihood × impact over the whole grid', () => {
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(3, 4)).toBe(12);
    expect(riskScore(5, 5)).toBe(25);
  });

  it('rejects anything off the 1–5 scales', () => {
    expect(() => riskScore(0, 3)).toThrow(/likelihood must be a whole number from 1 to 5, got 0/);
    expect(() => riskScore(3, 6)).toThrow(/impact/);
    expect(() => riskScore(2.5, 2)).toThrow(RangeError);
  });

  it('scores a risk before and after mitigation', () => {
    const risk = { beforeMitigation: { likelihood: 4, impact: 5 }, afterMitigation: { likelihood: 2, impact: 5 } };
    expect(inherentRiskScore(risk)).toBe(20);
    expect(residualRiskScore(risk)).toBe(10);
  });
});

describe('riskRag (default bands 1–4 green, 5–12 amber, 15–25 red)', () => {
  it.each([
    [1, 'green'], [4, 'green'], [5, 'amber'], [12, 'amber'], [13, 'amber'], [14, 'amber'], [15, 'red'], [25, 'red'],
  ] as const)('%s → %s', (score, rag) => {
    expect(riskRag(score)).toBe(rag);
  });

  it('colours every reachable score', () => {
    const reachable = new Set<number>();
    for (let l = 1; l <= 5; l++) for (let i = 1; i <= 5; i++) reachable.add(l * i);
    expect([...reachable].filter((s) => riskRag(s) === 'red').sort((a, b) => a - b)).toEqual([15, 16, 20, 25]);
    expect([...reachable].filter((s) => riskRag(s) === 'green').sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
  });

  it('takes a council’s own bands', () => {
    expect(riskRag(10, { amberFrom: 4, redFrom: 10 })).toBe('red');
    expect(riskRag(3, { amberFrom: 4, redFrom: 10 })).toBe('green');
  });

  it('rejects impossible scores', () => {
    expect(() => riskRag(0)).toThrow(RangeError);
    expect(() => riskRag(26)).toThrow(RangeError);
    expect(() => riskRag(7.5)).toThrow(RangeError);
  });
});

describe('heatMapCell and riskHeatMap', () => {
  it('places impact 5 on the top row and likelihood 1 in the left column', () => {
    expect(heatMapCell(1, 5)).toEqual({ key: 'L1-I5', likelihood: 1, impact: 5, score: 5, rag: 'amber', row: 0, column: 0 });
    expect(heatMapCell(5, 1)).toMatchObject({ key: 'L5-I1', row: 4, column: 4, score: 5 });
    expect(heatMapCell(4, 4)).toMatchObject({ row: 1, column: 3, score: 16, rag: 'red' });
  });

  it('rejects positions off the grid', () => {
    expect(() => heatMapCell(6, 1)).toThrow(RangeError);
  });

  it('builds the 5×5 map with each risk in its post-mitigation cell', () => {
    const map = riskHeatMap([
      { ref: 'R01', afterMitigation: { likelihood: 3, impact: 4 } },
      { ref: 'R02', afterMitigation: { likelihood: 3, impact: 4 } },
      { ref: 'R03', afterMitigation: { likelihood: 1, impact: 1 } },
    ]);
    expect(map).toHaveLength(5);
    expect(map.every((row) => row.length === 5)).toBe(true);
    expect(map[1]?.[2]).toMatchObject({ key: 'L3-I4', refs: ['R01', 'R02'] });
    expect(map[4]?.[0]).toMatchObject({ key: 'L1-I1', refs: ['R03'] });
    expect(map.flat().reduce((n, c) => n + c.refs.length, 0)).toBe(3);
  });
});
