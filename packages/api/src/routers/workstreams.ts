/** A programme's workstreams (or numbered priorities), e.g. Trafford's nine in two phases (seed 002). */
import { z } from 'zod';
import type { Workstream } from '@ip/db';
import { ZAddWorkstreamInput, ZUpdateWorkstreamInput, type TWorkstream } from '@ip/domain';
import { recordAudit, snapshot } from '../audit.js';
import type { Context } from '../context.js';
import { conflictOnDuplicate } from '../errors.js';
import { MANAGERS, procedure, READERS, router } from '../trpc.js';
import { orderBy, page, parseFilter, referenceAsList, ZGetMany, ZGetManyReference, ZGetOne, ZListParams, type TListParams } from './list-params.js';
import { notFound, requireProgramme, searchAny, registerCommand } from './register-support.js';

const SORTABLE = {
  id: 'priorityNumber', key: 'key', name: 'name', phase: 'phase', priorityNumber: 'priorityNumber',
  leadName: 'leadName', createdAt: 'createdAt', updatedAt: 'updatedAt',
} as const;

const ZWorkstreamFilter = z
  .object({ programmeId: z.string().max(200).optional(), phase: z.string().max(60).optional(), q: z.string().max(200).optional() })
  .passthrough();

function columns(w: TWorkstream) {
  return { key: w.key, name: w.name, leadName: w.lead.name, leadEmail: w.lead.email ?? null, phase: w.phase, priorityNumber: w.priorityNumber ?? null };
}

export function toWorkstreamRecord(row: Workstream) {
  return {
    id: row.id,
    programmeId: row.programmeId,
    key: row.key,
    name: row.name,
    lead: { name: row.leadName, ...(row.leadEmail ? { email: row.leadEmail } : {}) },
    phase: row.phase,
    priorityNumber: row.priorityNumber,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function list(ctx: Context, input: TListParams) {
  const f = parseFilter(ZWorkstreamFilter, input.filter);
  const where = {
    ...(f.programmeId ? { programmeId: f.programmeId } : {}),
    ...(f.phase ? { phase: f.phase } : {}),
    ...searchAny(['key', 'name', 'leadName'] as const, f.q),
  };
  const [rows, total] = await Promise.all([
    ctx.prisma.workstream.findMany({
      where,
      orderBy: [orderBy(input.sort, SORTABLE, 'priorityNumber'), { key: 'asc' }],
      ...page(input.pagination),
    }),
    ctx.prisma.workstream.count({ where }),
  ]);
  return { data: rows.map(toWorkstreamRecord), total };
}

const duplicateKey = (path: string, key: string) => conflictOnDuplicate(`${path}: this programme already has a workstream with the key ${key}`);

export const workstreamsRouter = router({
  getList: procedure(READERS).input(ZListParams).query(({ ctx, input }) => list(ctx, input)),
  getManyReference: procedure(READERS)
    .input(ZGetManyReference(['programmeId']))
    .query(({ ctx, input }) => list(ctx, referenceAsList(input))),
  getOne: procedure(READERS)
    .input(ZGetOne)
    .query(async ({ ctx, input }) => {
      const row = await ctx.prisma.workstream.findUnique({ where: { id: input.id } });
      if (!row) throw notFound('workstream', input.id);
      return { data: toWorkstreamRecord(row) };
    }),
  getMany: procedure(READERS)
    .input(ZGetMany)
    .query(async ({ ctx, input }) => ({
      data: (await ctx.prisma.workstream.findMany({ where: { id: { in: input.ids } } })).map(toWorkstreamRecord),
    })),
  create: procedure(MANAGERS)
    .input(ZAddWorkstreamInput)
    .mutation(({ ctx, input }) =>
      registerCommand(ctx, 'workstreams.create', input.clientRequestId, duplicateKey('workstream.key', input.workstream.key), async (tx) => {
        await requireProgramme(tx, input.programmeId);
        const row = await tx.workstream.create({ data: { programmeId: input.programmeId, ...columns(input.workstream) } });
        await recordAudit(tx, ctx.user, { entity: 'workstream', entityId: row.id, action: 'create', reason: input.reason, after: snapshot(row) });
        return { data: toWorkstreamRecord(row) };
      }),
    ),
  update: procedure(MANAGERS)
    .input(ZUpdateWorkstreamInput)
    .mutation(({ ctx, input }) =>
      registerCommand(ctx, 'workstreams.update', input.data.clientRequestId, duplicateKey('data.workstream.key', input.data.workstream.key), async (tx) => {
        const before = await tx.workstream.findUnique({ where: { id: input.id } });
        if (!before) throw notFound('workstream', input.id);
        const row = await tx.workstream.update({ where: { id: before.id }, data: columns(input.data.workstream) });
        await recordAudit(tx, ctx.user, {
          entity: 'workstream', entityId: row.id, action: 'update', reason: input.data.reason, before: snapshot(before), after: snapshot(row),
        });
        return { data: toWorkstreamRecord(row) };
      }),
    ),
});
