import type { TKpiDefinition, TKpiReading } from '../schemas/kpi.js';

/**
 * Seed document ids (../seeds/ in the shared brief) the demo KPIs are drawn from:
 * 000 Worcestershire scrutiny 2018 · 002 Trafford scrutiny 2019 · 003 Thurrock development plan ·
 * 004 Community Care on Worcestershire's 2017 monitoring visit.
 */
export const KPI_SEED_SOURCES = {
  worcestershireScrutiny2018: '000_a1136cc60a4f0ad1',
  traffordScrutiny2019: '002_1f3b78cc73350687',
  thurrockDevelopmentPlan: '003_dc18f00d99bb9dcd',
  worcestershireMv2017: '004_e7243b81054e7da4',
} as const;

const S = KPI_SEED_SOURCES;

/**
 * The seed KPIs (BRIEF (d)) as configuration for the demo programmes.
 *
 * Targets quoted in the seeds are used as given. Every red threshold, and the targets marked
 * "proposed", are ours: the seeds report a figure but not the council's target for it. They are
 * data, meant to be changed per council. For 100% standards (statutory expectations such as
 * health attending every strategy discussion) only 100 is green.
 */
export const DEMO_KPIS: readonly TKpiDefinition[] = [
  {
    // Target average 16 (seed 000); maximum 20 (seed 002, Trafford "caseload max 20").
    key: 'caseload_average',
    name: 'Average social worker caseload',
    unit: 'count',
    direction: 'lower_is_better',
    target: 16,
    amberBand: 16,
    redBand: 20,
    period: 'monthly',
    source: S.worcestershireScrutiny2018,
  },
  {
    // Seed 000 reports 74% (July 2018) as an actual; target 80% is proposed.
    key: 'children_three_or_fewer_social_workers',
    name: 'Children who have had 3 or fewer social workers',
    unit: 'percent',
    direction: 'higher_is_better',
    target: 80,
    amberBand: 80,
    redBand: 70,
    period: 'quarterly',
    source: S.worcestershireScrutiny2018,
  },
  {
    // Seed 000 reports 61% permanency as an actual; target 85% is proposed.
    key: 'permanent_workforce',
    name: 'Social workers on permanent contracts',
    unit: 'percent',
    direction: 'higher_is_better',
    target: 85,
    amberBand: 85,
    redBand: 75,
    period: 'monthly',
    source: S.worcestershireScrutiny2018,
  },
  {
    // Every child returning from missing must be offered a return home interview (seed 004).
    key: 'rhi_offered',
    name: 'Children offered a return home interview after going missing',
    unit: 'percent',
    direction: 'higher_is_better',
    target: 100,
    amberBand: 100,
    redBand: 90,
    period: 'monthly',
    source: S.worcestershireMv2017,
  },
  {
    // Statutory guidance expects the interview within 72 hours of return (seed 004: 68%, then 24%).
    key: 'rhi_within_72h',
    name: 'Return home interviews held within 72 hours',
    unit: 'percent',
    direction: 'higher_is_better',
    target: 100,
    amberBand: 100,
    redBand: 80,
    period: 'monthly',
    source: S.worcestershireMv2017,
  },
  {
    // "Most visits" within 5 days of referral, the council's local standard (seed 004).
    key: 'visits_within_5_days',
    name: 'Children visited within 5 days of referral',
    unit: 'percent',
    direction: 'higher_is_better',
    target: 100,
    amberBand: 100,
    redBand: 85,
    period: 'monthly',
    source: S.worcestershireMv2017,
  },
  {
    // A statutory expectation; 44% in July 2017, 100% from September (seed 004).
    key: 'health_at_strategy_discussions',
    name: 'Strategy discussions attended by health',
    unit: 'percent',
    direction: 'higher_is_better',
    target: 100,
    amberBand: 100,
    redBand: 90,
    period: 'monthly',
    source: S.worcestershireMv2017,
  },
  {
    // Target 100%, actual 88% (seed 003, priority 7).
    key: 'care_leaver_plans',
    name: 'Care leavers with a pathway plan',
    unit: 'percent',
    direction: 'higher_is_better',
    target: 100,
    amberBand: 100,
    redBand: 85,
    period: 'monthly',
    source: S.thurrockDevelopmentPlan,
  },
  {
    // Seed 003: 53% of audited plans were good (an actual); target 80% is proposed.
    key: 'audits_good',
    name: 'Audited cases judged good or better',
    unit: 'percent',
    direction: 'higher_is_better',
    target: 80,
    amberBand: 80,
    redBand: 60,
    period: 'quarterly',
    source: S.thurrockDevelopmentPlan,
  },
];

/**
 * The figures the seeds actually report, as readings. Where a seed gives a month, `periodEnd` is
 * that month's last day; where it does not, the note says the date is placed for the demo.
 * The councils differ (Worcestershire, Thurrock): this is demo data, not one authority's series.
 */
export const DEMO_KPI_READINGS: readonly TKpiReading[] = [
  { kpiKey: 'caseload_average', periodEnd: '2018-06-30', value: 17, note: `Worcestershire, reported after the July 2018 monitoring visit; period end placed for the demo (${S.worcestershireScrutiny2018})` },
  { kpiKey: 'children_three_or_fewer_social_workers', periodEnd: '2018-06-30', value: 74, note: `Worcestershire, July 2018; period end placed for the demo (${S.worcestershireScrutiny2018})` },
  { kpiKey: 'permanent_workforce', periodEnd: '2018-06-30', value: 61, note: `Worcestershire, July 2018; period end placed for the demo (${S.worcestershireScrutiny2018})` },
  { kpiKey: 'rhi_offered', periodEnd: '2017-04-30', value: 100, note: `Worcestershire, April 2017 (${S.worcestershireMv2017})` },
  { kpiKey: 'rhi_offered', periodEnd: '2017-07-31', value: 61, note: `Worcestershire, July 2017 (${S.worcestershireMv2017})` },
  { kpiKey: 'rhi_within_72h', periodEnd: '2017-04-30', value: 68, note: `Worcestershire, April 2017 (${S.worcestershireMv2017})` },
  { kpiKey: 'rhi_within_72h', periodEnd: '2017-07-31', value: 24, note: `Worcestershire, July 2017 (${S.worcestershireMv2017})` },
  { kpiKey: 'health_at_strategy_discussions', periodEnd: '2017-07-31', value: 44, note: `Worcestershire, July 2017 low (${S.worcestershireMv2017})` },
  { kpiKey: 'health_at_strategy_discussions', periodEnd: '2017-09-30', value: 100, note: `Worcestershire, all strategy discussions since the start of September 2017 (${S.worcestershireMv2017})` },
  { kpiKey: 'care_leaver_plans', periodEnd: '2018-03-31', value: 88, note: `Thurrock, reported with the 2018–19 development plan; period end placed for the demo (${S.thurrockDevelopmentPlan})` },
  { kpiKey: 'audits_good', periodEnd: '2018-03-31', value: 53, note: `Thurrock, reported with the 2018–19 development plan; period end placed for the demo (${S.thurrockDevelopmentPlan})` },
];
