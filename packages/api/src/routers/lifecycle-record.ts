/**
 * Reads shared by the routers over LifecycleRecord (monitoring visits, interventions, information
 * requests): react-admin's getList/getOne/getMany/getManyReference, with each record's clocks and
 * working days left computed for "now" by the domain's calendar.
 */
import { z } from 'zod';
import type { LifecycleRecord, Prisma } from '@ip/db';
import { defaultCalendar, ladderClockViews, londonDateOf, type THistoryEntry, type TLadderClock } from '@ip/domain';
import type { Context } from '../context.js';
import { procedure, READERS } from '../trpc.js';
import { stoppedOf } from './action-record.js';
import { listParams, orderBy, page, parseFilter, referenceAsList, ZGetMany, ZGetManyReference, ZGetOne, type TListParams } from './list-params.js';
import { notFound } from './register-support.js';

export type LifecycleKind = 'monitoring_visit' | 'intervention' | 'information_request';
type LifecycleState = { clocks: TLadderClock[]; history: THistoryEntry[]; startedAt: number };

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * One lifecycle record: the workflow's state (minus clocks and history, shown below), the row's
 * list columns, and for `nowMs`: each clock's working days left and next step, and whether a
 * deadline (not a reminder-only clock) has passed unmet.
 */
export function toLifecycleRecord<S extends LifecycleState>(row: LifecycleRecord, state: S, nowMs: number) {
  const calendar = defaultCalendar();
  const { clocks, history, ...detail } = state;
  const views = ladderClockViews(clocks, nowMs, calendar);
  return {
    ...(detail),
    id: row.id,
    kind: row.kind as LifecycleKind,
    programmeId: row.programmeId,
    onsCode: row.onsCode,
    title: row.title,
    phase: row.phase,
    /** The earliest open clock's due date; null when nothing is running. */
    dueOn: row.dueOn,
    workingDaysLeft: row.dueOn === null ? null : calendar.workingDaysBetween(londonDateOf(nowMs), row.dueOn),
    overdue: views.some((c) => c.status === 'overdue'),
    clocks: views.map((c) => ({
      name: c.name, label: c.label, mode: c.mode, source: c.source, startedOn: c.startedOn, dueOn: c.dueOn, dueAt: iso(c.dueAt),
      // The domain's one clock rule: overdue once past the date, and a stopped clock no longer counts.
      status: c.status, doneOn: c.doneOn, workingDaysLate: c.workingDaysLate,
      workingDaysLeft: c.workingDaysLeft,
      nextStep: c.nextStep ? { label: c.nextStep.label, fireAt: iso(c.nextStep.fireAt) } : null,
    })),
    history: history.map((h) => ({ ...h, at: iso(h.at) })),
    startedAt: iso(state.startedAt),
    stateVersion: row.stateVersion,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    stopped: stoppedOf(row),
  };
}

const SORTABLE = {
  id: 'id', title: 'title', phase: 'phase', dueOn: 'dueOn', workingDaysLeft: 'dueOn', onsCode: 'onsCode',
  programmeId: 'programmeId', createdAt: 'createdAt', updatedAt: 'updatedAt',
} as const;

const ZFlag = z.union([z.boolean(), z.stringbool()]);
const ZLifecycleFilter = z
  .object({
    programmeId: z.string().max(200).optional(),
    onsCode: z.string().max(20).optional(),
    phase: z.union([z.string().max(64), z.array(z.string().max(64)).min(1).max(20)]).optional(),
    /** Not yet in a final phase. */
    open: ZFlag.optional(),
    /** A deadline has passed unmet (computed for now). */
    overdue: ZFlag.optional(),
    q: z.string().max(200).optional(),
  });

export interface LifecycleReadsSpec<S extends LifecycleState> {
  kind: LifecycleKind;
  /** Parses the projected state (the domain's schema for this kind). */
  parse(state: unknown): S;
  /** Phases after which nothing more happens. */
  finalPhases: readonly string[];
  /** How a missing record is named in NOT_FOUND ("monitoring visit"). */
  noun: string;
}

/** The react-admin read procedures for one kind of lifecycle record. */
export function lifecycleReads<S extends LifecycleState>(spec: LifecycleReadsSpec<S>) {
  const toRecord = (row: LifecycleRecord, nowMs: number) => toLifecycleRecord(row, spec.parse(row.state), nowMs);

  async function list(ctx: Context, input: TListParams) {
    const f = parseFilter(ZLifecycleFilter, input.filter);
    const nowMs = ctx.now();
    const and: Prisma.LifecycleRecordWhereInput[] = [{ kind: spec.kind }];
    if (f.programmeId) and.push({ programmeId: f.programmeId });
    if (f.onsCode) and.push({ onsCode: f.onsCode });
    if (f.phase) and.push({ phase: { in: Array.isArray(f.phase) ? f.phase : [f.phase] } });
    if (f.open !== undefined) and.push({ phase: f.open ? { notIn: [...spec.finalPhases] } : { in: [...spec.finalPhases] } });
    if (f.q) and.push({ title: { contains: f.q, mode: 'insensitive' } });
    // dueOn is the earliest open clock's date, so an overdue record has one before today.
    if (f.overdue) and.push({ dueOn: { lt: londonDateOf(nowMs) } });
    const where = { AND: and };
    const sort = [orderBy(input.sort, SORTABLE, 'dueOn'), { id: 'asc' as const }];
    if (f.overdue === undefined) {
      const [rows, total] = await Promise.all([
        ctx.prisma.lifecycleRecord.findMany({ where, orderBy: sort, ...page(input.pagination) }),
        ctx.prisma.lifecycleRecord.count({ where }),
      ]);
      return { data: rows.map((r) => toRecord(r, nowMs)), total };
    }
    // Whether a deadline (not a reminder) has passed is decided per clock, for now.
    const rows = await ctx.prisma.lifecycleRecord.findMany({ where, orderBy: sort });
    const records = rows.map((r) => toRecord(r, nowMs)).filter((r) => r.overdue === f.overdue);
    const { skip, take } = page(input.pagination);
    return { data: records.slice(skip, skip + take), total: records.length };
  }

  return {
    toRecord,
    procedures: {
      getList: procedure(READERS).input(listParams(ZLifecycleFilter)).query(({ ctx, input }) => list(ctx, input)),
      getManyReference: procedure(READERS)
        .input(ZGetManyReference(['programmeId', 'onsCode'], ZLifecycleFilter))
        .query(({ ctx, input }) => list(ctx, referenceAsList(input))),
      getOne: procedure(READERS)
        .input(ZGetOne)
        .query(async ({ ctx, input }) => {
          const row = await ctx.prisma.lifecycleRecord.findFirst({ where: { id: input.id, kind: spec.kind } });
          if (!row) throw notFound(spec.noun, input.id);
          return { data: toRecord(row, ctx.now()) };
        }),
      getMany: procedure(READERS)
        .input(ZGetMany)
        .query(async ({ ctx, input }) => {
          const rows = await ctx.prisma.lifecycleRecord.findMany({ where: { id: { in: input.ids }, kind: spec.kind } });
          return { data: rows.map((r) => toRecord(r, ctx.now())) };
        }),
    },
  };
}

/** Reads a lifecycle record after an Update (the workflow projects before the Update returns). */
export async function readLifecycleRecord<S extends LifecycleState>(
  ctx: Context,
  reads: { toRecord: (row: LifecycleRecord, nowMs: number) => ReturnType<typeof toLifecycleRecord<S>> },
  id: string,
  noun: string,
) {
  const row = await ctx.prisma.lifecycleRecord.findUnique({ where: { id } });
  if (!row) throw notFound(noun, id);
  return { data: reads.toRecord(row, ctx.now()) };
}
