import type { Kpi, KpiReading } from '@ip/db';
import {
  kpiBreachStreak,
  kpiCurrency,
  londonDateOf,
  kpiRag,
  kpiTrend,
  ZKpiDefinition,
  type TKpiDefinition,
  type TKpiReading,
} from '@ip/domain';
import type { Tx } from '../audit.js';

/** The columns a KPI definition is copied to, so lists can sort and filter on them. */
export function kpiColumns(d: TKpiDefinition) {
  return {
    key: d.key,
    name: d.name,
    unit: d.unit,
    direction: d.direction,
    target: d.target,
    amberBand: d.amberBand,
    redBand: d.redBand,
    period: d.period,
    definition: d,
  };
}

/** The stored definition, validated: a row edited behind the API's back fails loudly, not silently. */
export function kpiDefinition(row: Pick<Kpi, 'definition'>): TKpiDefinition {
  return ZKpiDefinition.parse(row.definition);
}

type ReadingValue = Pick<KpiReading, 'periodEnd' | 'value'>;

/**
 * The KPI the console shows: its definition plus where it stands, computed by the domain rules
 * (kpiBreachStreak, kpiTrend) from all of its readings on every read, so a change of bands or a
 * corrected figure shows at once.
 */
export function toKpiRecord(row: Kpi, readings: readonly ReadingValue[], nowMs: number) {
  const definition = kpiDefinition(row);
  const series: TKpiReading[] = readings.map((r) => ({ kpiKey: definition.key, periodEnd: r.periodEnd, value: r.value }));
  const streak = kpiBreachStreak(definition, series);
  const latest = readings.reduce<ReadingValue | null>((a, r) => (!a || r.periodEnd > a.periodEnd ? r : a), null);
  return {
    id: row.id,
    programmeId: row.programmeId,
    ...definition,
    readingCount: readings.length,
    latestPeriodEnd: streak.latestPeriodEnd,
    latestValue: latest?.value ?? null,
    // One rule for every screen: a latest reading older than the reporting period is not "current".
    ...kpiCurrency(streak.latestPeriodEnd, definition.period, londonDateOf(nowMs)),
    rag: streak.rag,
    previousRag: streak.previousRag,
    trend: kpiTrend(series, definition.direction),
    redPeriodsRunning: streak.redPeriodsRunning,
    notifyOwner: streak.notifyOwner,
    escalateToBoard: streak.escalateToBoard,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type KpiRecord = ReturnType<typeof toKpiRecord>;

/** KPI rows with their computed standing; one query for all the rows' readings. */
export async function kpiRecords(db: Tx, rows: readonly Kpi[], nowMs: number): Promise<KpiRecord[]> {
  const readings = rows.length
    ? await db.kpiReading.findMany({ where: { kpiId: { in: rows.map((r) => r.id) } }, select: { kpiId: true, periodEnd: true, value: true } })
    : [];
  const byKpi = new Map<string, ReadingValue[]>();
  for (const r of readings) (byKpi.get(r.kpiId) ?? byKpi.set(r.kpiId, []).get(r.kpiId))?.push(r);
  return rows.map((row) => toKpiRecord(row, byKpi.get(row.id) ?? [], nowMs));
}

/** A reading as lists show it, with its own RAG against the KPI's current bands. */
export function toKpiReadingRecord(row: KpiReading & { kpi: Kpi }) {
  const definition = kpiDefinition(row.kpi);
  return {
    id: row.id,
    kpiId: row.kpiId,
    kpiKey: definition.key,
    kpiName: definition.name,
    programmeId: row.kpi.programmeId,
    periodEnd: row.periodEnd,
    value: row.value,
    note: row.note,
    rag: kpiRag(definition, row.value),
    recordedBy: row.recordedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type KpiReadingRecord = ReturnType<typeof toKpiReadingRecord>;
