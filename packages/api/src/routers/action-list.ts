/**
 * The actions list (getList, getManyReference): filters and sort in SQL, one query per page (the
 * page and its total together), and only the part of each state a list row needs. The stored state
 * also holds the action's history, ladder and step log, which grow with its life; PostgreSQL drops
 * them before they are sent, so a list page costs the same for a new action and a two-year-old one.
 * RAG and flags depend on the clock: a filter on them (or a sort by RAG) is applied after computing
 * them for "now", over every row SQL could not rule out.
 */
import { z } from 'zod';
import { Prisma } from '@ip/db';
import { ZActionRag, ZActionStatus, type TActionRag, type TActionStatus } from '@ip/domain';
import type { Context } from '../context.js';
import { RAG_SEVERITY, toActionListRecord, type ActionListRecord, type ActionListRow } from './action-record.js';
import { page, parseFilter, type TListParams } from './list-params.js';

/** Sortable fields and their columns. `workingDaysLeft` orders exactly as the due date does. */
const SORTABLE: Record<string, string> = {
  id: 'id', title: 'title', workstream: 'workstream', owner: 'owner_name', ownerName: 'owner_name', status: 'status',
  dueOn: 'due_on', dueAt: 'due_on', workingDaysLeft: 'due_on', percentComplete: 'percent_complete', lastUpdateOn: 'last_update_on',
  ofstedLinked: 'ofsted_linked', createdAt: 'created_at', updatedAt: 'updated_at',
};

const ZFlag = z.union([z.boolean(), z.stringbool()]);
const oneOrMore = <T extends z.ZodType>(s: T) => z.union([s, z.array(s).min(1).max(10)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);

export const ZActionFilter = z
  .object({
    programmeId: z.string().max(200).optional(),
    workstream: z.string().max(200).optional(),
    /** Part of the owner's name or email. */
    owner: z.string().max(200).optional(),
    rag: oneOrMore(ZActionRag).optional(),
    status: oneOrMore(ZActionStatus).optional(),
    overdue: ZFlag.optional(),
    stale: ZFlag.optional(),
    chronicAmber: ZFlag.optional(),
    awaitingSignOff: ZFlag.optional(),
    ofstedLinked: ZFlag.optional(),
    q: z.string().max(200).optional(),
  });
type TActionFilter = z.infer<typeof ZActionFilter>;

/** The status a RAG implies, so SQL can narrow a RAG filter before the live rules run. */
const STATUS_OF_RAG: Record<TActionRag, TActionStatus> = {
  red: 'open', amber: 'open', green: 'open', awaiting_sign_off: 'awaiting_sign_off', complete: 'complete', cancelled: 'cancelled',
};

/** `column ILIKE '%text%'`, the text taken literally (its %, _ and \ match only themselves). */
const contains = (column: Prisma.Sql, text: string) => Prisma.sql`${column} ILIKE ${`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;

function whereOf(f: TActionFilter, now: Date): Prisma.Sql {
  const overdue = Prisma.sql`(status = 'open' AND due_at <= ${now})`;
  const and: Prisma.Sql[] = [];
  if (f.programmeId) and.push(Prisma.sql`programme_id = ${f.programmeId}`);
  if (f.workstream) and.push(Prisma.sql`workstream = ${f.workstream}`);
  if (f.owner) and.push(Prisma.sql`(${contains(Prisma.sql`owner_name`, f.owner)} OR ${contains(Prisma.sql`owner_email`, f.owner)})`);
  if (f.q) and.push(contains(Prisma.sql`title`, f.q));
  if (f.status) and.push(Prisma.sql`status IN (${Prisma.join(f.status)})`);
  if (f.ofstedLinked !== undefined) and.push(Prisma.sql`ofsted_linked = ${f.ofstedLinked}`);
  if (f.awaitingSignOff !== undefined) and.push(f.awaitingSignOff ? Prisma.sql`status = 'awaiting_sign_off'` : Prisma.sql`status <> 'awaiting_sign_off'`);
  if (f.overdue !== undefined) and.push(f.overdue ? overdue : Prisma.sql`NOT ${overdue}`);
  // Live filters, narrowed here by what they imply: a RAG its status, a flag an open action.
  if (f.rag) and.push(Prisma.sql`status IN (${Prisma.join([...new Set(f.rag.map((r) => STATUS_OF_RAG[r]))])})`);
  if (f.stale || f.chronicAmber) and.push(Prisma.sql`status = 'open'`);
  return and.length ? Prisma.sql`WHERE ${Prisma.join(and, ' AND ')}` : Prisma.empty;
}

/** RAG and flags depend on the clock, not only on the row: filter (and rank by RAG) after computing them. */
function liveFilter(f: TActionFilter): ((r: ActionListRecord) => boolean) | null {
  if (!f.rag && f.stale === undefined && f.chronicAmber === undefined) return null;
  return (r) =>
    (!f.rag || f.rag.includes(r.rag)) &&
    (f.stale === undefined || r.stale === f.stale) &&
    (f.chronicAmber === undefined || r.chronicAmber === f.chronicAmber);
}

/** What a list row is built from: the state without what only the action's own page shows. */
const ROW = Prisma.sql`id, state - '{history,ladder,steps,evidence,extensions,pendingExtension,description,rag}'::text[] AS state,
  jsonb_array_length(state->'evidence') AS "evidenceCount", state_version AS "stateVersion", created_at AS "createdAt", updated_at AS "updatedAt",
  stopped_at AS "stoppedAt", stopped_reason AS "stoppedReason"`;

export async function listActions(ctx: Context, input: TListParams): Promise<{ data: ActionListRecord[]; total: number }> {
  const f = parseFilter(ZActionFilter, input.filter);
  const nowMs = ctx.now();
  const where = whereOf(f, new Date(nowMs));
  const byRag = input.sort.field === 'rag';
  const dir = input.sort.order === 'ASC' ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const column = !byRag && Object.hasOwn(SORTABLE, input.sort.field) ? SORTABLE[input.sort.field]! : 'due_on';
  const order = Prisma.sql`ORDER BY ${Prisma.raw(column)} ${byRag ? Prisma.sql`ASC` : dir}, id ASC`;
  const keep = liveFilter(f);
  const { skip, take } = page(input.pagination);
  if (!keep && !byRag) {
    const rows = await ctx.prisma.$queryRaw<Array<ActionListRow & { total: number }>>`
      SELECT ${ROW}, (SELECT count(*)::int FROM action ${where}) AS total FROM action ${where} ${order} LIMIT ${take} OFFSET ${skip}`;
    // A page past the end has no row to carry the total.
    const total = rows[0]?.total ?? (await ctx.prisma.$queryRaw<[{ n: number }]>`SELECT count(*)::int AS n FROM action ${where}`)[0].n;
    return { data: rows.map((r) => toActionListRecord(r, nowMs)), total };
  }
  // Every candidate SQL could not rule out; a programme's plan is hundreds of actions, not millions.
  const rows = await ctx.prisma.$queryRaw<ActionListRow[]>`SELECT ${ROW} FROM action ${where} ${order}`;
  let records = rows.map((r) => toActionListRecord(r, nowMs));
  if (keep) records = records.filter(keep);
  if (byRag) {
    const sign = input.sort.order === 'ASC' ? 1 : -1;
    records.sort((a, b) => sign * (RAG_SEVERITY[a.rag] - RAG_SEVERITY[b.rag]));
  }
  return { data: records.slice(skip, skip + take), total: records.length };
}
