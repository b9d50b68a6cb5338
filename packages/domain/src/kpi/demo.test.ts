import { describe, expect, it } from 'vitest';
import { ZKpiDefinition, ZKpiReading } from '../schemas/kpi.js';
import { DEMO_KPI_READINGS, DEMO_KPIS, KPI_SEED_SOURCES } from './demo.js';
import { kpiRag, kpiValueProblem } from './rag.js';
import { kpiBreachStreak } from './streak.js';

const byKey = new Map(DEMO_KPIS.map((k) => [k.key, k]));
const def = (key: string) => {
  const d = byKey.get(key);
  if (!d) throw new Error(`no demo KPI ${key}`);
  return d;
};

describe('DEMO_KPIS', () => {
  it('parses every definition, with unique keys and a seed id as source', () => {
    for (const k of DEMO_KPIS) expect(ZKpiDefinition.parse(k)).toEqual(k);
    expect(byKey.size).toBe(DEMO_KPIS.length);
    const seeds = new Set<string>(Object.values(KPI_SEED_SOURCES));
    for (const k of DEMO_KPIS) expect(seeds.has(k.source)).toBe(true);
  });

  it('carries the seed targets (BRIEF (d))', () => {
    expect(def('caseload_average')).toMatchObject({ direction: 'lower_is_better', target: 16, redBand: 20 });
    for (const key of ['rhi_offered', 'health_at_strategy_discussions', 'care_leaver_plans']) expect(def(key).target).toBe(100);
    expect([...byKey.keys()]).toEqual([
      'caseload_average', 'children_three_or_fewer_social_workers', 'permanent_workforce', 'rhi_offered', 'rhi_within_72h',
      'visits_within_5_days', 'health_at_strategy_discussions', 'care_leaver_plans', 'audits_good',
    ]);
  });
});

describe('DEMO_KPI_READINGS', () => {
  it('parses, refers to demo KPIs and fits each unit', () => {
    for (const r of DEMO_KPI_READINGS) {
      expect(ZKpiReading.parse(r)).toEqual(r);
      expect(kpiValueProblem(def(r.kpiKey), r.value)).toBeUndefined();
    }
  });

  it('colours the seed figures as the seeds describe them', () => {
    expect(kpiRag(def('caseload_average'), 17)).toBe('amber');
    expect(kpiRag(def('care_leaver_plans'), 88)).toBe('amber');
    expect(kpiRag(def('permanent_workforce'), 61)).toBe('red');
    expect(kpiRag(def('audits_good'), 53)).toBe('red');
  });

  it('sends RHI within 72 hours (68% then 24%) to the board, and clears health attendance', () => {
    expect(kpiBreachStreak(def('rhi_within_72h'), DEMO_KPI_READINGS)).toMatchObject({ rag: 'red', redPeriodsRunning: 2, escalateToBoard: true });
    expect(kpiBreachStreak(def('rhi_offered'), DEMO_KPI_READINGS)).toMatchObject({ rag: 'red', previousRag: 'green', notifyOwner: true, escalateToBoard: false });
    expect(kpiBreachStreak(def('health_at_strategy_discussions'), DEMO_KPI_READINGS)).toMatchObject({ rag: 'green', redPeriodsRunning: 0 });
  });
});
