/** KPI rules: RAG against configurable bands, breach streaks for escalation, and trend. Pure. */
export { kpiRag, kpiValueProblem, type KpiBands, type TKpiRag } from './rag.js';
export { orderKpiReadings } from './readings.js';
export { DEFAULT_BOARD_AFTER_RED_PERIODS, kpiBreachStreak, type KpiBreachStreak } from './streak.js';
export { kpiTrend, type TKpiTrend } from './trend.js';
export { DEMO_KPIS, DEMO_KPI_READINGS, KPI_SEED_SOURCES } from './demo.js';
export { kpiCurrency, type KpiCurrency } from './currency.js';
