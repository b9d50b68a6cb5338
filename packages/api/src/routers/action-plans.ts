/**
 * Action plans (BRIEF (c) "Plan"): one per programme cycle, with its 70-working-day deadline, its
 * submission and Ofsted's response (projected from the programme workflow), and the plan's content —
 * workstreams → actions with RAG now, and the recommendations the actions answer. Read only here:
 * plans are submitted and answered through the programme's commands.
 */
import { z } from 'zod';
import type { ActionPlan, Prisma } from '@ip/db';
import { defaultCalendar, londonDateOf, ZIsoDate } from '@ip/domain';
import type { Context } from '../context.js';
import { procedure, READERS, router } from '../trpc.js';
import { toActionRecord, type ActionRecord } from './action-record.js';
import { orderBy, page, parseFilter, ZGetOne, type TListParams } from './list-params.js';
import { resourceReads } from './resource-reads.js';
import { notFound } from './register-support.js';

const SORTABLE = { id: 'dueOn', dueOn: 'dueOn', workingDaysLeft: 'dueOn', cycle: 'cycle', status: 'status', submittedOn: 'submittedOn', programmeId: 'programmeId' } as const;

const ZPlanStatus = z.enum(['drafting', 'submitted', 'accepted', 'returned']);
const ZActionPlanFilter = z
  .object({
    programmeId: z.string().max(200).optional(),
    authorityId: z.string().max(200).optional(),
    status: ZPlanStatus.optional(),
    /** Not yet submitted and past its due date. */
    overdue: z.union([z.boolean(), z.stringbool()]).optional(),
    dueFrom: ZIsoDate.optional(),
    dueTo: ZIsoDate.optional(),
  });

function toPlanRecord(row: ActionPlan, nowMs: number) {
  const unsubmitted = row.status === 'drafting' || row.status === 'returned';
  const workingDaysLeft = row.dueOn ? defaultCalendar().workingDaysBetween(londonDateOf(nowMs), row.dueOn) : null;
  return {
    id: row.id,
    programmeId: row.programmeId,
    authorityId: row.authorityId,
    cycle: row.cycle,
    status: row.status,
    dueOn: row.dueOn,
    dueAt: row.dueAt?.toISOString() ?? null,
    /** Working days from today (London) to the due date; null once the plan is in. */
    workingDaysLeft: unsubmitted ? workingDaysLeft : null,
    overdue: unsubmitted && row.dueAt !== null && row.dueAt.getTime() <= nowMs,
    submittedOn: row.submittedOn,
    response: row.responseOutcome ? { outcome: row.responseOutcome, letterOn: row.responseLetterOn, comments: row.responseComments ?? '' } : null,
  };
}

/** Where actions filed under no workstream are grouped. */
const NO_WORKSTREAM = '';

const RAG_KEYS = ['red', 'amber', 'green', 'awaiting_sign_off', 'complete', 'cancelled'] as const;
type RagCounts = Record<(typeof RAG_KEYS)[number], number>;
const noRags = (): RagCounts => Object.fromEntries(RAG_KEYS.map((k) => [k, 0])) as RagCounts;

/** The plan's content: its workstreams in priority order, each with its actions (RAG now) and counts. */
async function planContent(ctx: Context, programmeId: string) {
  const [workstreams, actions, recommendations] = await Promise.all([
    ctx.prisma.workstream.findMany({ where: { programmeId }, orderBy: [{ priorityNumber: { sort: 'asc', nulls: 'last' } }, { key: 'asc' }] }),
    ctx.prisma.action.findMany({ where: { programmeId }, orderBy: [{ dueOn: 'asc' }, { id: 'asc' }] }),
    ctx.prisma.recommendation.findMany({ where: { programmeId }, orderBy: { ref: 'asc' } }),
  ]);
  const records = actions.map((a) => toActionRecord(a, ctx.now()));
  const byWorkstream = new Map<string, ActionRecord[]>();
  for (const a of records) {
    const key = a.workstream ?? NO_WORKSTREAM;
    byWorkstream.set(key, [...(byWorkstream.get(key) ?? []), a]);
  }
  const summarise = (list: ActionRecord[]) => {
    const rag = noRags();
    for (const a of list) rag[a.rag] += 1;
    return { total: list.length, rag };
  };
  const answered = new Set(records.flatMap((a) => a.recommendationRefs ?? []));
  const known = new Set(workstreams.map((w) => w.key));
  return {
    summary: summarise(records),
    workstreams: [
      ...workstreams.map((w) => ({
        key: w.key, name: w.name, leadName: w.leadName, priorityNumber: w.priorityNumber, phase: w.phase,
        ...summarise(byWorkstream.get(w.key) ?? []), actions: byWorkstream.get(w.key) ?? [],
      })),
      // Actions filed under a workstream key the register does not (yet) hold still show.
      ...[...byWorkstream.entries()].filter(([k]) => !known.has(k)).map(([key, list]) => ({
        key, name: key === NO_WORKSTREAM ? 'No workstream' : key, leadName: null, priorityNumber: null, phase: null, ...summarise(list), actions: list,
      })),
    ],
    recommendations: recommendations.map((r) => ({
      id: r.id, ref: r.ref, text: r.text, judgementArea: r.judgementArea, priorityAction: r.priorityAction,
      answeredBy: records.filter((a) => a.recommendationRefs?.includes(r.ref)).map((a) => a.id),
      answered: answered.has(r.ref),
    })),
  };
}

async function list(ctx: Context, input: TListParams) {
  const f = parseFilter(ZActionPlanFilter, input.filter);
  const now = new Date(ctx.now());
  const where: Prisma.ActionPlanWhereInput = {
    ...(f.programmeId ? { programmeId: f.programmeId } : {}),
    ...(f.authorityId ? { authorityId: f.authorityId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.overdue === undefined ? {} : f.overdue
      ? { status: { in: ['drafting', 'returned'] }, dueAt: { lte: now } }
      : { NOT: { status: { in: ['drafting', 'returned'] }, dueAt: { lte: now } } }),
    ...(f.dueFrom || f.dueTo ? { dueOn: { ...(f.dueFrom ? { gte: f.dueFrom } : {}), ...(f.dueTo ? { lte: f.dueTo } : {}) } } : {}),
  };
  const [rows, total] = await Promise.all([
    ctx.prisma.actionPlan.findMany({ where, orderBy: [orderBy(input.sort, SORTABLE, 'dueOn'), { id: 'asc' }], ...page(input.pagination) }),
    ctx.prisma.actionPlan.count({ where }),
  ]);
  return { data: rows.map((r) => toPlanRecord(r, ctx.now())), total };
}

const reads = resourceReads({
  filter: ZActionPlanFilter,
  noun: 'action plan',
  targets: ['programmeId', 'authorityId'],
  list,
  byIds: async (ctx, ids) => (await ctx.prisma.actionPlan.findMany({ where: { id: { in: ids } } })).map((r) => toPlanRecord(r, ctx.now())),
});

export const actionPlansRouter = router({
  ...reads,
  /** The plan with its content (workstreams → actions, recommendations answered or not). */
  getOne: procedure(READERS)
    .input(ZGetOne)
    .query(async ({ ctx, input }) => {
      const row = await ctx.prisma.actionPlan.findUnique({ where: { id: input.id } });
      if (!row) throw notFound('action plan', input.id);
      return { data: { ...toPlanRecord(row, ctx.now()), ...(await planContent(ctx, row.programmeId)) } };
    }),
});
