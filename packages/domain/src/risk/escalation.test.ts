import { describe, expect, it } from 'vitest';
import { riskNeedsEscalation } from './escalation.js';

/** Threshold 12; residual 3 × 4 = 12 by default. */
const at = (likelihood: number, impact: number, threshold = 12) => ({ afterMitigation: { likelihood, impact }, threshold });

describe('riskNeedsEscalation', () => {
  it('leaves a risk below its threshold and not rising alone', () => {
    expect(riskNeedsEscalation(at(2, 4))).toEqual({ escalate: false, level: null, score: 8, reasons: [] });
    expect(riskNeedsEscalation(at(2, 4), 8)).toMatchObject({ escalate: false });
    expect(riskNeedsEscalation(at(2, 4), 9)).toMatchObject({ escalate: false });
  });

  it('tells the owner when the score reaches the threshold (≥, not >)', () => {
    expect(riskNeedsEscalation(at(3, 4))).toEqual({ escalate: true, level: 'owner', score: 12, reasons: ['at_or_above_threshold'] });
    expect(riskNeedsEscalation(at(3, 4), 8)).toEqual({ escalate: true, level: 'owner', score: 12, reasons: ['at_or_above_threshold', 'rising'] });
    expect(riskNeedsEscalation(at(1, 1, 2))).toMatchObject({ escalate: false, score: 1 });
  });

  it('tells the owner when a score below the threshold rises', () => {
    expect(riskNeedsEscalation(at(2, 4), 6)).toEqual({ escalate: true, level: 'owner', score: 8, reasons: ['rising'] });
  });

  it('goes to the board when the score stays at or above the threshold a second review', () => {
    expect(riskNeedsEscalation(at(3, 4), 12)).toEqual({ escalate: true, level: 'improvement_board', score: 12, reasons: ['at_or_above_threshold'] });
    expect(riskNeedsEscalation(at(4, 4), 12)).toEqual({ escalate: true, level: 'improvement_board', score: 16, reasons: ['at_or_above_threshold', 'rising'] });
    expect(riskNeedsEscalation(at(3, 4), 16)).toMatchObject({ level: 'improvement_board', reasons: ['at_or_above_threshold'] });
  });

  it('stands down once the score falls below the threshold', () => {
    expect(riskNeedsEscalation(at(2, 5), 16)).toMatchObject({ escalate: false, level: null, score: 10 });
  });

  it('rejects an impossible previous score', () => {
    expect(() => riskNeedsEscalation(at(3, 4), 0)).toThrow(RangeError);
    expect(() => riskNeedsEscalation(at(3, 4), 26)).toThrow(RangeError);
    expect(() => riskNeedsEscalation(at(3, 4), 7.5)).toThrow(RangeError);
  });
});
