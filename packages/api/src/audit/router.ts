/**
 * audit.*: a programme's history in business words (with filters, paging, CSV and replayable JSON
 * exports), the state of a programme or action "as at" an instant or event, and what changed between
 * two instants. Read only, for every signed-in role (auditors included); nothing here writes.
 */
import type { PrismaClient } from '@ip/db';
import { TRPCError } from '@trpc/server';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { procedure, READERS, router } from '../trpc.js';
import { actionAsAt, programmeAsAt, workflowKindOf } from './as-at.js';
import { rowsToCsv } from './csv.js';
import { actionOn, diffOn, programmeOn, type DiffLine } from './basis.js';
import { isEscalationEntry, type Change } from './diff.js';
import { foldAction } from './action-fold.js';
import type { AppliedEvent, AsAtPoint } from './fold.js';
import type { WorkflowHistory } from './history-source.js';
import { ZAsAtInput, ZDiffInput, ZExportCsvInput, ZExportJsonInput, ZHistoryInput, instantMs, type THistoryFilter } from './inputs.js';
import { fetchHistories, programmeHistories } from './programme-workflows.js';
import { foldProgramme } from './programme-fold.js';
import { historyRows, type HistoryRow } from './rows.js';
import { withDeliveries } from './deliveries.js';
import { historySourceOf } from './source-of.js';

function filterRows(rows: HistoryRow[], f: THistoryFilter): HistoryRow[] {
  const from = f.from === undefined ? -Infinity : instantMs(f.from);
  const to = f.to === undefined ? Infinity : instantMs(f.to, true);
  const actor = f.actor?.toLowerCase();
  return rows.filter((r) =>
    (f.includeSystem || r.category !== 'system') &&
    (!f.kind || r.workflowKind === f.kind) &&
    (!f.category || r.category === f.category) &&
    (!f.workflowId || r.workflowId === f.workflowId) &&
    r.at >= from && r.at <= to &&
    (!actor || (actor === 'system' ? r.actor === null : !!r.actor && (r.actor.userId.toLowerCase() === actor || (r.actor.name ?? '').toLowerCase().includes(actor)))));
}

function sortRows(rows: HistoryRow[]): HistoryRow[] {
  return rows.sort((a, b) => a.at - b.at || a.workflowId.localeCompare(b.workflowId) || a.eventId - b.eventId);
}

async function rowsOf(ctx: Parameters<typeof historySourceOf>[0] & { prisma: PrismaClient }, programmeId: string) {
  const histories = await programmeHistories(ctx.prisma, historySourceOf(ctx), programmeId);
  return { histories, rows: sortRows(histories.flatMap(historyRows)) };
}

/** The business lines a fold wrote, as a timeline for the "as at" slider. */
function timelineOf(history: WorkflowHistory): Array<{ at: number; runId: string; eventId: number; type: string; summary: string }> {
  const out: Array<{ at: number; runId: string; eventId: number; type: string; summary: string }> = [];
  const onApply = (a: AppliedEvent) => {
    if (a.entry) out.push({ at: a.at, runId: a.runId, eventId: a.triggerEventId, type: a.type, summary: a.entries.map((x) => x.summary).join('; ') });
  };
  if (workflowKindOf(history.workflowType) === 'programme') foldProgramme(history, { onApply });
  else foldAction(history, { onApply });
  return out;
}

async function fetchKind(ctx: Parameters<typeof historySourceOf>[0], workflowId: string, kind: 'programme' | 'action'): Promise<WorkflowHistory> {
  const history = await historySourceOf(ctx).fetch(workflowId);
  if (workflowKindOf(history.workflowType) !== kind) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `workflowId: ${workflowId} is not ${kind === 'action' ? 'an action' : 'a programme'}` });
  }
  return history;
}

const asAtOf = (kind: 'programme' | 'action', history: WorkflowHistory, point: AsAtPoint) =>
  kind === 'programme' ? programmeAsAt(history, point) : actionAsAt(history, point);

export const auditRouter = router({
  history: procedure(READERS)
    .input(ZHistoryInput)
    .query(async ({ ctx, input }) => {
      const { histories, rows } = await rowsOf(ctx, input.programmeId);
      const filtered = filterRows(rows, input.filter);
      if (input.order === 'DESC') filtered.reverse();
      const { page, perPage } = input.pagination;
      return {
        // Escalation rows carry their emails (who, status, sent, the server's answer): see deliveries.ts.
        data: await withDeliveries(ctx.prisma, filtered.slice((page - 1) * perPage, page * perPage)),
        total: filtered.length,
        workflows: histories.map((h) => ({ workflowId: h.workflowId, kind: workflowKindOf(h.workflowType), runs: h.runs.length, events: h.runs.reduce((n, r) => n + (r.history.events?.length ?? 0), 0) })),
        actors: [...new Map(rows.filter((r) => r.actor).map((r) => [r.actor!.userId, { userId: r.actor!.userId, who: r.who }])).values()],
      };
    }),
  /** Each run's raw history in Temporal's JSON form: `Worker.runReplayHistory` reads it as is. */
  exportJson: procedure(READERS)
    .input(ZExportJsonInput)
    .query(async ({ ctx, input }) => {
      const history = await historySourceOf(ctx).fetch(input.workflowId);
      return {
        files: history.runs.map((r, i) => ({
          workflowId: history.workflowId,
          runId: r.runId,
          fileName: `${history.workflowId}${history.runs.length > 1 ? `--run${i + 1}` : ''}.json`,
          json: historyToJSON(r.history as never),
        })),
      };
    }),
  exportCsv: procedure(READERS)
    .input(ZExportCsvInput)
    .query(async ({ ctx, input }) => {
      const { rows } = await rowsOf(ctx, input.programmeId);
      const filtered = filterRows(rows, input.filter);
      return { fileName: `${input.programmeId}-history.csv`, rows: filtered.length, csv: rowsToCsv(filtered) };
    }),
  /**
   * The state as at an instant (or a history event), on a basis: what had been recorded by then
   * (default), or what had happened by then by the dates the records carry. The timeline the slider
   * steps through is on the same basis.
   */
  asAt: procedure(READERS)
    .input(ZAsAtInput)
    .query(async ({ ctx, input }) => {
      const history = await fetchKind(ctx, input.workflowId, input.kind);
      if (input.basis === 'happened') {
        const at = instantMs(input.at!, true);
        const on = input.kind === 'programme' ? programmeOn(history, at, 'happened') : actionOn(history, at, 'happened');
        // The moments to step through: every line of the state as it had happened by now.
        const now = input.kind === 'programme' ? programmeOn(history, ctx.now(), 'happened') : actionOn(history, ctx.now(), 'happened');
        const timeline = now.lineSources
          ? (now.state?.history ?? []).map((l, i) => ({ at: l.at, runId: null, eventId: null, type: l.type, summary: l.summary, recordedAt: now.lineSources![i]?.recordedAt ?? null, dated: now.lineSources![i]?.dated ?? false }))
          : timelineOf(history);
        return { data: { workflowId: input.workflowId, kind: input.kind, basis: input.basis, at, view: on.view, existed: on.state !== null, timeline, range: { from: timeline[0]?.at ?? null, to: timeline.at(-1)?.at ?? null }, notes: on.notes } };
      }
      const point: AsAtPoint = input.eventId !== undefined ? { eventId: input.eventId, ...(input.runId ? { runId: input.runId } : {}) } : { at: instantMs(input.at!, true) };
      let result;
      try {
        result = asAtOf(input.kind, history, point);
      } catch (err) {
        if (err instanceof Error && err.message.startsWith('runId:')) throw new TRPCError({ code: 'BAD_REQUEST', message: err.message });
        throw err;
      }
      const timeline = timelineOf(history);
      const first = timeline[0]?.at ?? null;
      return { data: { workflowId: input.workflowId, kind: input.kind, basis: input.basis, at: result.at, view: result.view, existed: result.state !== null, timeline, range: { from: first, to: timeline.at(-1)?.at ?? null }, notes: [] as string[] } };
    }),
  /**
   * What changed between two instants, on a basis (recorded by / had happened by): fields, clocks,
   * visits, actions and the escalations reached. A programme's diff includes its actions'.
   */
  diff: procedure(READERS)
    .input(ZDiffInput)
    .query(async ({ ctx, input }) => {
      const from = instantMs(input.from, true);
      const to = instantMs(input.to, true);
      const history = await fetchKind(ctx, input.workflowId, input.kind);
      const parts = [diffOn(input.kind, history, from, to, input.basis)];
      if (input.kind === 'programme') {
        const actionIds = (await ctx.prisma.action.findMany({ where: { programmeId: input.workflowId }, select: { id: true }, orderBy: { id: 'asc' } })).map((r) => r.id);
        for (const h of await fetchHistories(historySourceOf(ctx), actionIds)) parts.push(diffOn('action', h, from, to, input.basis));
      }
      const changes: Change[] = parts.flatMap((p) => p.changes);
      const events: DiffLine[] = parts.flatMap((p) => p.events).sort((p, q) => p.at - q.at);
      return { data: { basis: input.basis, from, to, changes, events, escalations: events.filter(isEscalationEntry), notes: parts.flatMap((p) => p.notes) } };
    }),
});
