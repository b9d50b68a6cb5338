/**
 * What an improvement-board pack says, as at one instant ("now" by default), built from every
 * workflow of the programme as it stood then — the programme, each action, each monitoring visit,
 * its DfE intervention and its information requests, each rebuilt from its own history by the audit
 * folds (never by asking a running workflow) — and from its registers as they stood
 * (./registers-as-at.ts).
 *
 * Two questions, chosen by `basis`: what had been *recorded* by then (workflow time: the default,
 * and what the dashboard shows for "now"), or what had *happened* by then, by the dates the records
 * carry (../audit/happened.ts).
 *
 * Its headline figures are the dashboard's, counted by the same domain function (boardFigures) from
 * rows computed the same way as the API's list rows, so for the same instant they are equal
 * (board-pack-figures.test.ts proves it). Everything is ordered explicitly, so the same instant always
 * gives the same pack.
 */
import { assessActionRag, boardFigures, defaultCalendar, isActionOverdue, londonDateOf, type TActionRag, type TBoardFigures } from '@ip/domain';
import type { PrismaClient } from '@ip/db';
import { programmeAsAt, workflowKindOf } from '../audit/as-at.js';
import { actionOn, lifecycleOn, programmeOn } from '../audit/basis.js';
import type { HistorySource, WorkflowHistory } from '../audit/history-source.js';
import { programmeHistories } from '../audit/programme-workflows.js';
import { fieldError } from '../errors.js';
import { escalationsAt, kpisAt, risksAt, workstreamsAt, type EscalationAt, type KpiAt, type RiskAt } from './registers-as-at.js';

export type TPackBasis = 'recorded' | 'happened';

export interface BoardPackAction {
  id: string; title: string; workstream: string | null; dueOn: string; dueAt: number; rag: TActionRag; status: string;
  owner: { name: string }; workingDaysLeft: number | null; overdue: boolean;
}

export interface BoardPack {
  programmeId: string;
  authorityName: string;
  cycle: number;
  basis: TPackBasis;
  /** The instant the pack is as at, epoch ms. */
  at: number;
  /** Set when the pack was asked for as at a history event of the programme (kept for old links). */
  event: { runId: string; eventId: number } | null;
  /** The programme's last change by then, in business words. */
  lastChange: string;
  phase: string;
  grade: string | null;
  clocks: { name: string; label: string; dueOn: string; status: string; closedAt: number | null; doneOn: string | null; workingDaysLeft: number | null; workingDaysLate: number | null }[];
  figures: TBoardFigures;
  actions: BoardPackAction[];
  overdue: BoardPackAction[];
  escalations: EscalationAt[];
  kpis: KpiAt[];
  visits: { number: number; theme: string; plannedStartOn: string; status: string; letterPublishedOn: string | null; progress: string[]; improvement: string[] }[];
  interventions: { phase: string; lastStepOn: string | null; clocks: { label: string; dueOn: string; status: string }[] }[];
  requests: { subject: string; requester: string; dueOn: string; phase: string; answeredOn: string | null; overdue: boolean }[];
  risks: RiskAt[];
  /** What the pack could not reconstruct, or must qualify, said in the pack itself. */
  notes: string[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface BoardPackInput {
  programmeId: string;
  basis: TPackBasis;
  /** Epoch ms; or, instead, one history event of the programme workflow. */
  at?: number;
  runId?: string;
  eventId?: number;
}

/** The instant of a history event of the programme (its workflow time); fails naming the field. */
function eventInstant(programme: WorkflowHistory, runId: string | undefined, eventId: number): number {
  const run = runId ? programme.runs.find((r) => r.runId === runId) : programme.runs.at(-1);
  if (!run) throw fieldError(['runId'], `no run ${runId} of programme ${programme.workflowId}`);
  if (!run.history.events?.some((e) => Number(e.eventId) === eventId)) throw fieldError(['eventId'], `no event ${eventId} in run ${run.runId}`);
  const asAt = programmeAsAt(programme, { eventId, runId: run.runId });
  if (asAt.at === null || !asAt.state) throw fieldError(['eventId'], 'the programme had not started at that event');
  return asAt.at;
}

export async function boardPackData(prisma: PrismaClient, source: HistorySource, input: BoardPackInput): Promise<BoardPack> {
  const histories = await programmeHistories(prisma, source, input.programmeId);
  const programme = histories[0]!;
  const at = input.eventId !== undefined ? eventInstant(programme, input.runId, input.eventId) : input.at;
  if (at === undefined) throw fieldError(['at'], 'which instant the pack is as at');
  const atDate = new Date(at);
  const basis = input.basis;
  const notes: string[] = [];
  const p = programmeOn(programme, at, basis);
  notes.push(...p.notes);
  if (!p.state || !p.view) throw fieldError(['at'], basis === 'recorded' ? 'the programme had not been recorded by then' : 'nothing of the programme had happened by then');
  const state = p.view;

  // Actions, from their own histories, with the list rows' rules for the same instant.
  const calendar = defaultCalendar();
  const today = londonDateOf(at);
  const actions: BoardPackAction[] = [];
  const byKind = (kind: string) => histories.filter((h) => workflowKindOf(h.workflowType) === kind);
  for (const h of byKind('action')) {
    const a = actionOn(h, at, basis, 'An action');
    notes.push(...a.notes);
    const s = a.state;
    if (!s) continue; // not yet recorded (or happened) by then
    const closed = s.status === 'complete' || s.status === 'cancelled';
    actions.push({
      id: h.workflowId, title: s.title, workstream: s.workstream, dueOn: s.dueOn, dueAt: s.dueAt, status: s.status, owner: { name: s.owner.name },
      // The RAG and days left exactly as the actions list computes them (routers/action-record.ts).
      rag: assessActionRag(s, at, calendar).rag,
      workingDaysLeft: closed ? null : calendar.workingDaysBetween(today, s.dueOn),
      overdue: isActionOverdue(s, at),
    });
  }
  actions.sort((x, y) => byText(x.workstream ?? '~', y.workstream ?? '~') || byText(x.dueOn, y.dueOn) || byText(x.id, y.id));

  const visits: BoardPack['visits'] = [];
  for (const h of byKind('monitoring_visit')) {
    const v = lifecycleOn(h, at, basis, 'A monitoring visit');
    notes.push(...v.notes);
    const s = v.state as { number: number; theme: string; plannedStartOn: string; phase: string; letterPublishedOn: string | null; findings: { areasOfProgress: string[]; areasForImprovement: string[] } | null } | null;
    if (!s) continue;
    visits.push({ number: s.number, theme: s.theme, plannedStartOn: s.plannedStartOn, status: s.phase, letterPublishedOn: s.letterPublishedOn, progress: s.findings?.areasOfProgress ?? [], improvement: s.findings?.areasForImprovement ?? [] });
  }
  visits.sort((a, b) => a.number - b.number || byText(a.plannedStartOn, b.plannedStartOn));

  const interventions: BoardPack['interventions'] = [];
  for (const h of byKind('intervention')) {
    const v = lifecycleOn(h, at, basis, 'The DfE intervention');
    notes.push(...v.notes);
    const view = v.view as { phase: string; lastStepOn: string | null; clocks: { label: string; dueOn: string; status: string }[] } | null;
    if (view) interventions.push({ phase: view.phase, lastStepOn: view.lastStepOn, clocks: view.clocks.map((c) => ({ label: c.label, dueOn: c.dueOn, status: c.status })) });
  }

  const requests: BoardPack['requests'] = [];
  for (const h of byKind('information_request')) {
    const v = lifecycleOn(h, at, basis, 'An information request');
    notes.push(...v.notes);
    const s = v.state as { subject: string; requester: { name: string }; dueOn: string; phase: string; answer: { answeredOn: string } | null } | null;
    if (!s) continue;
    requests.push({ subject: s.subject, requester: s.requester.name, dueOn: s.dueOn, phase: s.phase, answeredOn: s.answer?.answeredOn ?? null, overdue: s.phase === 'open' && s.dueOn < today });
  }
  requests.sort((a, b) => byText(a.dueOn, b.dueOn) || byText(a.subject, b.subject));

  const workstreams = await workstreamsAt(prisma, input.programmeId, atDate);
  const escalations = await escalationsAt(prisma, input.programmeId, atDate, basis);
  const kpis = await kpisAt(prisma, input.programmeId, atDate, basis, notes);
  const risks = await risksAt(prisma, input.programmeId, atDate, notes);
  if (basis === 'happened') notes.push('Workstreams and risks carry no date of their own: they are shown as recorded by this instant.');

  const clocks = state.clocks.map((c) => ({
    name: c.name, label: c.label, dueOn: c.dueOn, status: c.status, closedAt: c.closedAt ?? null, doneOn: c.doneOn ?? null,
    workingDaysLeft: c.workingDaysLeft, workingDaysLate: c.workingDaysLate ?? null,
  }));
  const figures = boardFigures({
    actions, workstreams, clocks, kpis,
    risks: risks.map((r) => ({ rag: r.rag, escalate: r.escalation.escalate })),
    openEscalations: escalations.filter((e) => !e.acknowledged).length,
  });
  const last = state.history.at(-1);
  return {
    programmeId: input.programmeId,
    authorityName: state.authorityName,
    cycle: state.cycle,
    basis,
    at,
    event: input.eventId !== undefined ? { runId: input.runId ?? programme.runs.at(-1)!.runId, eventId: input.eventId } : null,
    lastChange: last?.summary ?? 'Programme started',
    phase: state.phase,
    grade: state.grade,
    clocks,
    figures,
    actions,
    overdue: actions.filter((a) => a.overdue),
    escalations,
    kpis,
    visits,
    interventions,
    requests,
    risks,
    notes: [...new Set(notes)],
  };
}
