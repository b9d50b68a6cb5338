import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_BANDS, ZRecordRiskInput, ZRisk, ZRiskBands, ZRiskFields } from './risk.js';

const risk = {
  ref: 'R07',
  title: 'Agency social workers leave before cases transfer',
  owner: 'Head of Workforce',
  beforeMitigation: { likelihood: 4, impact: 5 },
  afterMitigation: { likelihood: 3, impact: 4 },
  mitigation: 'Retention payments; ASYE academy',
  threshold: 12,
};

function issues(r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (r.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('ZRisk', () => {
  it('parses a register entry, including unchanged scores after mitigation', () => {
    expect(ZRisk.parse(risk).ref).toBe('R07');
    expect(ZRisk.safeParse({ ...risk, afterMitigation: risk.beforeMitigation }).success).toBe(true);
  });

  it('keeps likelihood and impact whole numbers 1–5, with the scale in the message', () => {
    expect(issues(ZRisk.safeParse({ ...risk, beforeMitigation: { likelihood: 6, impact: 5 }, afterMitigation: { likelihood: 0, impact: 2.5 } }))).toEqual([
      { path: 'beforeMitigation.likelihood', message: 'Likelihood must be from 1 (rare) to 5 (almost certain)' },
      { path: 'afterMitigation.likelihood', message: 'Likelihood must be from 1 (rare) to 5 (almost certain)' },
      { path: 'afterMitigation.impact', message: 'Impact must be a whole number from 1 (negligible) to 5 (severe)' },
    ]);
  });

  it('rejects mitigation that raises likelihood or impact, at the offending field', () => {
    expect(issues(ZRisk.safeParse({ ...risk, afterMitigation: { likelihood: 5, impact: 4 } }))).toEqual([
      { path: 'afterMitigation.likelihood', message: 'Likelihood after mitigation (5) cannot be higher than before mitigation (4)' },
    ]);
    expect(issues(ZRisk.safeParse({ ...risk, beforeMitigation: { likelihood: 4, impact: 3 } }))).toEqual([
      { path: 'afterMitigation.impact', message: 'Impact after mitigation (4) cannot be higher than before mitigation (3)' },
    ]);
  });

  it('keeps the threshold a whole score 1–25', () => {
    expect(ZRisk.safeParse({ ...risk, threshold: 1 }).success).toBe(true);
    expect(ZRisk.safeParse({ ...risk, threshold: 25 }).success).toBe(true);
    expect(issues(ZRisk.safeParse({ ...risk, threshold: 26 }))).toEqual([{ path: 'threshold', message: 'The escalation threshold must be from 1 to 25' }]);
    expect(issues(ZRisk.safeParse({ ...risk, threshold: 0 }))).toEqual([{ path: 'threshold', message: 'The escalation threshold must be from 1 to 25' }]);
  });

  it('exposes unrefined fields for forms, and a command wrapper', () => {
    expect(Object.keys(ZRiskFields.pick({ ref: true, title: true }).shape)).toEqual(['ref', 'title']);
    expect(ZRecordRiskInput.parse({ clientRequestId: 'req-00000001', reason: 'Quarterly review', programmeId: 'p1', risk }).risk.threshold).toBe(12);
  });
});

describe('ZRiskBands', () => {
  it('accepts the default bands and rejects red not above amber', () => {
    expect(ZRiskBands.parse(DEFAULT_RISK_BANDS)).toEqual({ amberFrom: 5, redFrom: 15 });
    expect(issues(ZRiskBands.safeParse({ amberFrom: 10, redFrom: 10 }))).toEqual([
      { path: 'redFrom', message: 'Red must start at a higher score than amber (10)' },
    ]);
  });
});
