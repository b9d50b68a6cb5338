/**
 * What an improvement-board pack says, as at one history event of the programme workflow.
 *
 * Reconstructed from history (the same folds as the audit "as at"): the programme (phase, grade,
 * statutory clocks, monitoring visits), each action (RAG and due date as at that instant), each
 * monitoring visit's published findings (the state its workflow last projected before the instant).
 * From the read model, filtered to the instant: escalations fired by then (acknowledged only if
 * acknowledged by then), workstreams, KPIs and risks created by then, KPI readings recorded by then;
 * a KPI reading or risk changed since is shown with the values its audit row says it had before.
 *
 * Everything is ordered explicitly, so the same event always gives the same pack.
 */
import { kpiRag, londonDateOf, type TActionRag } from '@ip/domain';
import type { PrismaClient } from '@ip/db';
import { actionAsAt, lifecycleAsAt, programmeAsAt } from '../audit/as-at.js';
import type { HistorySource, WorkflowHistory } from '../audit/history-source.js';
import { fetchHistories } from '../audit/programme-workflows.js';
import { eventIdOf } from '../audit/raw.js';
import { fieldError } from '../errors.js';

export interface BoardPack {
  programmeId: string;
  authorityName: string;
  cycle: number;
  runId: string;
  eventId: number;
  /** The instant the pack is as at (the event's workflow time), epoch ms. */
  at: number;
  eventSummary: string;
  phase: string;
  grade: string | null;
  clocks: { label: string; dueOn: string; status: string; workingDaysLeft: number | null }[];
  priorities: { key: string; name: string; lead: string; counts: Record<'green' | 'amber' | 'red' | 'complete' | 'other', number> }[];
  actions: { id: string; title: string; workstream: string | null; dueOn: string; rag: TActionRag; status: string; owner: string | null }[];
  overdue: { id: string; title: string; dueOn: string; owner: string | null; workstream: string | null }[];
  escalations: { firedAt: number; subjectTitle: string; label: string; level: string; kind: string; acknowledged: boolean }[];
  kpis: { key: string; name: string; unit: string; target: number; direction: string; value: number | null; periodEnd: string | null; rag: 'green' | 'amber' | 'red' | null }[];
  visits: { number: number; theme: string; plannedStartOn: string; status: string; letterPublishedOn: string | null; progress: string[]; improvement: string[] }[];
  risks: { ref: string; title: string; owner: string; score: number; threshold: number; mitigation: string | null }[];
  /** What the pack could not reconstruct, said in the pack itself. */
  notes: string[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The earliest audit row after `at` for a record holds its values as they were at `at`. */
async function beforeAfter(prisma: PrismaClient, entity: string, entityId: string, at: Date): Promise<Record<string, unknown> | null> {
  const row = await prisma.auditEvent.findFirst({ where: { entity, entityId, at: { gt: at } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  const before = row?.before;
  return before && typeof before === 'object' && !Array.isArray(before) ? (before as Record<string, unknown>) : null;
}

/** A monitoring visit's state as at `at`, rebuilt from its history (audit/as-at.ts lifecycleAsAt). */
function visitStateAt(history: WorkflowHistory, at: number): Record<string, unknown> | null {
  return lifecycleAsAt(history, { at }).state as Record<string, unknown> | null;
}

export async function boardPackData(
  prisma: PrismaClient,
  source: HistorySource,
  input: { programmeId: string; runId: string; eventId: number },
): Promise<BoardPack> {
  const programme = await source.fetch(input.programmeId);
  const run = programme.runs.find((r) => r.runId === input.runId);
  if (!run) throw fieldError(['runId'], `no run ${input.runId} of programme ${input.programmeId}`);
  const event = run.history.events?.find((e) => eventIdOf(e) === input.eventId);
  if (!event) throw fieldError(['eventId'], `no event ${input.eventId} in run ${input.runId}`);
  const asAt = programmeAsAt(programme, { eventId: input.eventId, runId: input.runId });
  if (!asAt.state || !asAt.view || asAt.at === null) throw fieldError(['eventId'], 'the programme had not started at that event');
  const at = asAt.at;
  const atDate = new Date(at);
  const state = asAt.view;
  const notes: string[] = [];

  // Actions, as at the instant, from their own histories.
  const actionRows = await prisma.action.findMany({ where: { programmeId: input.programmeId }, select: { id: true }, orderBy: { id: 'asc' } });
  const actionHistories = await fetchHistories(source, actionRows.map((a) => a.id));
  if (actionHistories.length < actionRows.length) notes.push(`${actionRows.length - actionHistories.length} action(s) have no history in Temporal or the archive and are left out.`);
  const actions: BoardPack['actions'] = [];
  for (const h of actionHistories) {
    const a = actionAsAt(h, { at });
    if (!a.view) continue; // not started yet at the instant
    const v = a.view;
    actions.push({ id: h.workflowId, title: v.title, workstream: v.workstream, dueOn: v.dueOn, rag: v.rag.rag, status: v.status, owner: v.owner?.name ?? null });
  }
  actions.sort((x, y) => byText(x.workstream ?? '~', y.workstream ?? '~') || byText(x.dueOn, y.dueOn) || byText(x.id, y.id));
  const today = londonDateOf(at);
  const overdue = actions
    .filter((a) => (a.status === 'open' || a.status === 'awaiting_sign_off') && a.dueOn < today)
    .map(({ id, title, dueOn, owner, workstream }) => ({ id, title, dueOn, owner, workstream }));

  const workstreams = await prisma.workstream.findMany({ where: { programmeId: input.programmeId, createdAt: { lte: atDate } }, orderBy: [{ key: 'asc' }] });
  const priorities: BoardPack['priorities'] = [];
  for (const w of workstreams) {
    const was = (await beforeAfter(prisma, 'workstream', w.id, atDate)) ?? {};
    const counts = { green: 0, amber: 0, red: 0, complete: 0, other: 0 };
    for (const a of actions.filter((x) => x.workstream === w.key)) {
      if (a.rag === 'green' || a.rag === 'amber' || a.rag === 'red' || a.rag === 'complete') counts[a.rag]++;
      else counts.other++;
    }
    priorities.push({ key: w.key, name: String(was.name ?? w.name), lead: String(was.leadName ?? w.leadName), counts });
  }
  const unassigned = actions.filter((a) => !a.workstream || !workstreams.some((w) => w.key === a.workstream));
  if (unassigned.length) {
    const counts = { green: 0, amber: 0, red: 0, complete: 0, other: 0 };
    for (const a of unassigned) (a.rag in counts ? counts[a.rag as keyof typeof counts]++ : counts.other++);
    priorities.push({ key: '—', name: 'Not in a workstream', lead: '—', counts });
  }

  const escalations = (await prisma.escalation.findMany({
    where: { programmeId: input.programmeId, firedAt: { lte: atDate } },
    orderBy: [{ firedAt: 'asc' }, { id: 'asc' }],
  })).map((e) => ({ firedAt: e.firedAt.getTime(), subjectTitle: e.subjectTitle, label: e.label, level: e.level, kind: e.kind, acknowledged: e.acknowledgedAt !== null && e.acknowledgedAt <= atDate }));

  const kpiRows = await prisma.kpi.findMany({ where: { programmeId: input.programmeId, createdAt: { lte: atDate } }, include: { readings: { where: { createdAt: { lte: atDate } } } }, orderBy: { key: 'asc' } });
  const kpis: BoardPack['kpis'] = [];
  for (const k of kpiRows) {
    const was = (await beforeAfter(prisma, 'kpi', k.id, atDate)) ?? {};
    const bands = { direction: String(was.direction ?? k.direction), amberBand: Number(was.amberBand ?? k.amberBand), redBand: Number(was.redBand ?? k.redBand) } as Parameters<typeof kpiRag>[0];
    const latest = [...k.readings].sort((a, b) => byText(b.periodEnd, a.periodEnd))[0];
    let value: number | null = latest?.value ?? null;
    if (latest && latest.updatedAt > atDate) {
      const before = await beforeAfter(prisma, 'kpi_reading', latest.id, atDate);
      if (before && typeof before.value === 'number') value = before.value;
      else notes.push(`KPI ${k.key}: the ${latest.periodEnd} figure was corrected after this instant and its earlier value is not recorded; the corrected figure is shown.`);
    }
    kpis.push({ key: k.key, name: String(was.name ?? k.name), unit: k.unit, target: Number(was.target ?? k.target), direction: bands.direction, value, periodEnd: latest?.periodEnd ?? null, rag: value === null ? null : kpiRag(bands, value) });
  }

  const visitHistories = await fetchHistories(source, state.visits.map((v) => v.workflowId));
  const visits = [...state.visits].sort((a, b) => a.number - b.number).map((v) => {
    const h = visitHistories.find((x) => x.workflowId === v.workflowId);
    const vs = h ? visitStateAt(h, at) : null;
    const findings = (vs?.findings ?? null) as { areasOfProgress: string[]; areasForImprovement: string[] } | null;
    return { number: v.number, theme: v.theme, plannedStartOn: v.plannedStartOn, status: String(vs?.phase ?? v.status), letterPublishedOn: (vs?.letterPublishedOn as string | null) ?? v.letterPublishedOn, progress: findings?.areasOfProgress ?? [], improvement: findings?.areasForImprovement ?? [] };
  });

  const riskRows = await prisma.risk.findMany({ where: { programmeId: input.programmeId, createdAt: { lte: atDate } }, orderBy: [{ ref: 'asc' }] });
  const risks: BoardPack['risks'] = [];
  for (const r of riskRows) {
    const was = r.updatedAt > atDate ? await beforeAfter(prisma, 'risk', r.id, atDate) : null;
    if (r.updatedAt > atDate && !was) notes.push(`Risk ${r.ref} changed after this instant and its earlier values are not recorded; current values are shown.`);
    const w = was ?? {};
    risks.push({ ref: r.ref, title: String(w.title ?? r.title), owner: String(w.owner ?? r.owner), score: Number(w.afterScore ?? r.afterScore), threshold: Number(w.threshold ?? r.threshold), mitigation: (w.mitigation as string | null | undefined) ?? r.mitigation });
  }
  risks.sort((a, b) => b.score - a.score || byText(a.ref, b.ref));

  const last = state.history.at(-1);
  return {
    programmeId: input.programmeId,
    authorityName: state.authorityName,
    cycle: state.cycle,
    runId: input.runId,
    eventId: input.eventId,
    at,
    eventSummary: last?.summary ?? 'Programme started',
    phase: state.phase,
    grade: state.grade,
    clocks: state.clocks.map((c) => ({ label: c.label, dueOn: c.dueOn, status: c.status, workingDaysLeft: c.workingDaysLeft })),
    priorities,
    actions,
    overdue,
    escalations,
    kpis,
    visits,
    risks,
    notes,
  };
}
