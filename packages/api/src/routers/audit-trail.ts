/**
 * The audit trail of register changes and acknowledgements (who, what, when, why, before/after),
 * read-only for everyone, with its hash chain verified on request. Workflow commands are audited by
 * their own histories (the `audit` router); this trail covers what lives only in PostgreSQL.
 */
import { z } from 'zod';
import type { AuditEvent, Prisma } from '@ip/db';
import { ZIsoDate } from '@ip/domain';
import { verifyAuditChain } from '../audit-chain.js';
import type { Context } from '../context.js';
import { procedure, READERS, router } from '../trpc.js';
import { orderBy, page, parseFilter, type TListParams } from './list-params.js';
import { searchAny } from './register-support.js';
import { resourceReads } from './resource-reads.js';

const SORTABLE = { id: 'id', at: 'id', entity: 'entity', action: 'action', actorRole: 'actorRole' } as const;

const ZAuditFilter = z
  .object({
    entity: z.string().max(64).optional(),
    entityId: z.string().max(200).optional(),
    action: z.string().max(64).optional(),
    actorUserId: z.string().max(200).optional(),
    actorRole: z.string().max(64).optional(),
    /** On or after / on or before these dates (London days, inclusive). */
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
    /** Part of the reason or the entity id. */
    q: z.string().max(200).optional(),
  });

const dayStart = (d: string) => new Date(`${d}T00:00:00Z`);

function toAuditRecord(row: AuditEvent, names: ReadonlyMap<string, string>) {
  return {
    id: row.id.toString(),
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    actorName: row.actorUserId ? (names.get(row.actorUserId) ?? null) : null,
    actorRole: row.actorRole,
    entity: row.entity,
    entityId: row.entityId,
    action: row.action,
    reason: row.reason,
    before: row.before,
    after: row.after,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
export type AuditRecord = ReturnType<typeof toAuditRecord>;

async function records(ctx: Context, rows: AuditEvent[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))];
  const users = ids.length ? await ctx.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => toAuditRecord(r, names));
}

const idOf = (id: string) => (/^\d{1,18}$/.test(id) ? BigInt(id) : null);

async function list(ctx: Context, input: TListParams) {
  const f = parseFilter(ZAuditFilter, input.filter);
  // London days: a day's rows fall between its midnights, which are at most an hour off UTC's.
  const within = f.from || f.to
    ? { at: { ...(f.from ? { gte: new Date(dayStart(f.from).getTime() - 3_600_000) } : {}), ...(f.to ? { lt: new Date(dayStart(f.to).getTime() + 86_400_000) } : {}) } }
    : {};
  const where: Prisma.AuditEventWhereInput = {
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.actorUserId ? { actorUserId: f.actorUserId } : {}),
    ...(f.actorRole ? { actorRole: f.actorRole } : {}),
    ...within,
    ...searchAny(['reason', 'entityId'] as const, f.q),
  };
  const [rows, total] = await Promise.all([
    ctx.prisma.auditEvent.findMany({ where, orderBy: orderBy(input.sort, SORTABLE, 'id'), ...page(input.pagination) }),
    ctx.prisma.auditEvent.count({ where }),
  ]);
  return { data: await records(ctx, rows), total };
}

export const auditTrailRouter = router({
  ...resourceReads({
    filter: ZAuditFilter,
    noun: 'audit record',
    targets: ['entityId'],
    list,
    byIds: async (ctx, ids) => {
      const wanted = ids.map(idOf).filter((i): i is bigint => i !== null);
      return records(ctx, wanted.length ? await ctx.prisma.auditEvent.findMany({ where: { id: { in: wanted } }, orderBy: { id: 'asc' } }) : []);
    },
  }),
  /** Re-computes every link of the hash chain and names the first broken one. Changes nothing. */
  verify: procedure(READERS).query(async ({ ctx }) => ({ data: await verifyAuditChain(ctx.prisma) })),
});
