/**
 * The programme's registers (workstreams, KPIs and their readings, risks, escalations) as they stood
 * at an instant, from the read model and its audit trail: a row created later is left out, and a row
 * changed since is read with the values its earliest later audit row says it had before. Each row is
 * then turned into what the console shows by the same functions the API's lists use (toKpiRecord,
 * toRiskRecord), so a RAG or an escalation flag is computed in one place.
 *
 * On the "happened" basis the registers that carry dates use them: a KPI reading counts from the end
 * of its period, an escalation from the instant its step was due. Workstreams and risks carry no
 * date of their own: they are as recorded, and the pack says so.
 */
import { londonDateOf } from '@ip/domain';
import type { Kpi, PrismaClient, Risk } from '@ip/db';
import { toKpiRecord } from '../routers/kpi-record.js';
import { toRiskRecord } from '../routers/risk-record.js';

type Basis = 'recorded' | 'happened';
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The earliest audit row after `at` for a record holds its values as they were at `at`. */
async function valuesAt(prisma: PrismaClient, entity: string, entityId: string, at: Date): Promise<Record<string, unknown> | null> {
  const row = await prisma.auditEvent.findFirst({ where: { entity, entityId, at: { gt: at } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  const before = row?.before;
  return before && typeof before === 'object' && !Array.isArray(before) ? (before) : null;
}

/** A snapshot's values over the current row (snapshots store dates as strings). */
function withValues<T extends object>(row: T, was: Record<string, unknown> | null): T {
  if (!was) return row;
  const out = { ...row } as Record<string, unknown>;
  for (const [k, v] of Object.entries(was)) {
    if (!(k in out) || k === 'id') continue;
    out[k] = out[k] instanceof Date && typeof v === 'string' ? new Date(v) : v;
  }
  return out as T;
}

export interface WorkstreamAt { key: string; name: string; priorityNumber: number | null; lead: { name: string } }

export async function workstreamsAt(prisma: PrismaClient, programmeId: string, at: Date): Promise<WorkstreamAt[]> {
  const rows = await prisma.workstream.findMany({ where: { programmeId, createdAt: { lte: at } } });
  const out: WorkstreamAt[] = [];
  for (const w of rows) {
    const was = withValues(w, await valuesAt(prisma, 'workstream', w.id, at));
    out.push({ key: was.key, name: was.name, priorityNumber: was.priorityNumber ?? null, lead: { name: was.leadName } });
  }
  // The dashboard's order: priority number, then name.
  return out.sort((a, b) => (a.priorityNumber ?? Infinity) - (b.priorityNumber ?? Infinity) || byText(a.name, b.name) || byText(a.key, b.key));
}

export type KpiAt = ReturnType<typeof toKpiRecord>;

export async function kpisAt(prisma: PrismaClient, programmeId: string, at: Date, basis: Basis, notes: string[]): Promise<KpiAt[]> {
  const day = londonDateOf(at.getTime());
  const rows = await prisma.kpi.findMany({ where: { programmeId }, include: { readings: true }, orderBy: { key: 'asc' } });
  const out: KpiAt[] = [];
  for (const k of rows) {
    // Recorded: readings entered by then. Happened: readings for periods ended by then, whenever entered.
    const readings = k.readings.filter((r) => (basis === 'recorded' ? r.createdAt <= at : r.periodEnd <= day));
    if (k.createdAt > at && readings.length === 0) continue;
    const values: { periodEnd: string; value: number }[] = [];
    for (const r of readings) {
      let value = r.value;
      if (r.updatedAt > at) {
        const was = await valuesAt(prisma, 'kpi_reading', r.id, at);
        if (was && typeof was.value === 'number') value = was.value;
        else if (basis === 'recorded') notes.push(`KPI ${k.key}: the ${r.periodEnd} figure was corrected after this instant and its earlier value is not recorded; the corrected figure is shown.`);
      }
      values.push({ periodEnd: r.periodEnd, value });
    }
    const row: Kpi = withValues(k, k.updatedAt > at ? await valuesAt(prisma, 'kpi', k.id, at) : null);
    out.push(toKpiRecord(row, values, at.getTime()));
  }
  return out;
}

export type RiskAt = ReturnType<typeof toRiskRecord>;

export async function risksAt(prisma: PrismaClient, programmeId: string, at: Date, notes: string[]): Promise<RiskAt[]> {
  const rows = await prisma.risk.findMany({ where: { programmeId, createdAt: { lte: at } }, orderBy: [{ ref: 'asc' }] });
  const out: RiskAt[] = [];
  for (const r of rows) {
    const was = r.updatedAt > at ? await valuesAt(prisma, 'risk', r.id, at) : null;
    if (r.updatedAt > at && !was) notes.push(`Risk ${r.ref} changed after this instant and its earlier values are not recorded; current values are shown.`);
    out.push(toRiskRecord(withValues<Risk>(r, was)));
  }
  return out.sort((a, b) => b.score - a.score || byText(a.ref, b.ref));
}

export interface EscalationAt { firedAt: number; subjectTitle: string; label: string; level: string; kind: string; acknowledged: boolean }

/** Escalations raised by then (recorded: when written; happened: when their step was due), acknowledged if by then. */
export async function escalationsAt(prisma: PrismaClient, programmeId: string, at: Date, basis: Basis): Promise<EscalationAt[]> {
  const when = basis === 'recorded' ? 'firedAt' : 'fireAt';
  const rows = await prisma.escalation.findMany({ where: { programmeId, [when]: { lte: at } }, orderBy: [{ [when]: 'asc' }, { id: 'asc' }] });
  return rows.map((e) => ({
    firedAt: (basis === 'recorded' ? e.firedAt : e.fireAt).getTime(),
    subjectTitle: e.subjectTitle, label: e.label, level: e.level, kind: e.kind,
    acknowledged: e.acknowledgedAt !== null && e.acknowledgedAt <= at,
  }));
}
