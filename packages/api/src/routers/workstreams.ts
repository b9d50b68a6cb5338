/** A programme's workstreams (or numbered priorities), e.g. Trafford's nine in two phases (seed 002). */
import { z } from 'zod';
import type { Workstream } from '@ip/db';
import { ZAddWorkstreamInput, ZUpdateWorkstreamInput, type TWorkstream } from '@ip/domain';
import type { Context } from '../context.js';
import { conflictOnDuplicate } from '../errors.js';
import { MANAGERS, procedure, router } from '../trpc.js';
import { orderBy, page, parseFilter, type TListParams } from './list-params.js';
import { auditedCreate, auditedUpdate, registerCommand, searchAny } from './register-support.js';
import { resourceReads } from './resource-reads.js';

const SORTABLE = {
  id: 'priorityNumber', key: 'key', name: 'name', phase: 'phase', priorityNumber: 'priorityNumber',
  leadName: 'leadName', createdAt: 'createdAt', updatedAt: 'updatedAt',
} as const;

const ZWorkstreamFilter = z
  .object({ programmeId: z.string().max(200).optional(), phase: z.string().max(60).optional(), q: z.string().max(200).optional() });

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
  ...resourceReads({
    filter: ZWorkstreamFilter,
    noun: 'workstream',
    targets: ['programmeId'],
    list,
    byIds: async (ctx, ids) => (await ctx.prisma.workstream.findMany({ where: { id: { in: ids } } })).map(toWorkstreamRecord),
  }),
  create: procedure(MANAGERS)
    .input(ZAddWorkstreamInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, duplicateKey('workstream.key', input.workstream.key), async (tx) => {
        const row = await auditedCreate(tx, ctx.user, {
          entity: 'workstream', programmeId: input.programmeId, reason: input.reason,
          create: () => tx.workstream.create({ data: { programmeId: input.programmeId, ...columns(input.workstream) } }),
        });
        return { data: toWorkstreamRecord(row) };
      }),
    ),
  update: procedure(MANAGERS)
    .input(ZUpdateWorkstreamInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, duplicateKey('data.workstream.key', input.data.workstream.key), async (tx) => {
        const row = await auditedUpdate(tx, ctx.user, {
          entity: 'workstream', noun: 'workstream', id: input.id, reason: input.data.reason,
          find: () => tx.workstream.findUnique({ where: { id: input.id } }),
          update: (before) => tx.workstream.update({ where: { id: before.id }, data: columns(input.data.workstream) }),
        });
        return { data: toWorkstreamRecord(row) };
      }),
    ),
});
