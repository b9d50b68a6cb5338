/**
 * Local authorities: read by everyone; added, renamed and linked to a successor (councils merge under
 * local government reorganisation) by admins, each change in the audit trail with before and after.
 * Where an authority stands with the DfE is read from its intervention workflows (the DfE page's own
 * source), never from a stored column, so the list and the DfE page cannot disagree.
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { PrismaClient } from '@ip/db';
import { ZAddAuthorityInput, ZRecordSuccessorInput, ZRenameAuthorityInput } from '@ip/domain';
import { recordAudit, snapshot, type Tx } from '../audit.js';
import { conflictOnDuplicate, fieldError } from '../errors.js';
import { procedure, READERS, router } from '../trpc.js';
import { listParams, orderBy, page, parseFilter, ZGetMany, ZGetOne } from './list-params.js';
import { registerCommand, rethrow } from './register-support.js';

const ADMINS = ['admin'] as const;
const SORTABLE = { id: 'name', name: 'name', onsCode: 'onsCode', currentGrade: 'currentGrade', region: 'region' } as const;
const ZAuthorityFilter = z.object({ q: z.string().max(200).optional() });

const select = {
  id: true, onsCode: true, name: true, region: true, currentGrade: true, successorId: true, succeededOn: true,
  successor: { select: { id: true, name: true } },
  // A predecessor's programmes are read under its successor: they keep their own authority, never moved.
  predecessors: { select: { id: true, name: true, succeededOn: true, programmes: { select: { id: true, cycle: true }, orderBy: { cycle: 'asc' as const } } }, orderBy: { name: 'asc' as const } },
} as const;

type AuthorityRow = Awaited<ReturnType<typeof findAuthorities>>[number];
function findAuthorities(db: PrismaClient | Tx, args: { where: object; orderBy?: object; skip?: number; take?: number }) {
  return db.localAuthority.findMany({ ...args, select });
}

/** Each authority with where it stands on the DfE track, from its latest intervention workflow. */
async function withIntervention(db: PrismaClient | Tx, rows: AuthorityRow[]) {
  const records = rows.length
    ? await db.lifecycleRecord.findMany({
      where: { kind: 'intervention', onsCode: { in: rows.map((r) => r.onsCode) } },
      select: { id: true, onsCode: true, phase: true, createdAt: true },
      orderBy: { createdAt: 'asc' },
    })
    : [];
  const latest = new Map(records.map((r) => [r.onsCode, r]));
  return rows.map((r) => {
    const i = latest.get(r.onsCode);
    // A closed intervention is no longer a status the authority is under.
    const open = i && i.phase !== 'closed' ? i : null;
    return { ...r, interventionPhase: open?.phase ?? null, interventionId: open?.id ?? null };
  });
}

const oneAuthority = async (db: PrismaClient | Tx, id: string) => (await withIntervention(db, await findAuthorities(db, { where: { id } })))[0];

const audited = (o: { entity: string; id: string; action: string; reason: string; before?: object | null; after: object }) =>
  ({ entity: o.entity, entityId: o.id, action: o.action, reason: o.reason, before: o.before ? snapshot(o.before) : null, after: snapshot(o.after) });

export const authoritiesRouter = router({
  getList: procedure(READERS)
    .input(listParams(ZAuthorityFilter))
    .query(async ({ ctx, input }) => {
      const f = parseFilter(ZAuthorityFilter, input.filter);
      const where = f.q ? { OR: [{ name: { contains: f.q, mode: 'insensitive' as const } }, { onsCode: { contains: f.q, mode: 'insensitive' as const } }] } : {};
      const [rows, total] = await Promise.all([
        findAuthorities(ctx.prisma, { where, orderBy: orderBy(input.sort, SORTABLE, 'name'), ...page(input.pagination) }),
        ctx.prisma.localAuthority.count({ where }),
      ]);
      return { data: await withIntervention(ctx.prisma, rows), total };
    }),
  getOne: procedure(READERS)
    .input(ZGetOne)
    .query(async ({ ctx, input }) => {
      const data = await oneAuthority(ctx.prisma, input.id);
      if (!data) throw new TRPCError({ code: 'NOT_FOUND', message: `No authority with id ${input.id}` });
      return { data };
    }),
  getMany: procedure(READERS)
    .input(ZGetMany)
    .query(async ({ ctx, input }) => ({
      data: await withIntervention(ctx.prisma, await findAuthorities(ctx.prisma, { where: { id: { in: input.ids } } })),
    })),

  /** A new council (e.g. a unitary council created by reorganisation). The ONS code must be unused. */
  create: procedure(ADMINS)
    .input(ZAddAuthorityInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, conflictOnDuplicate(`onsCode: a council with ONS code ${input.onsCode} already exists`), async (tx) => {
        const row = await tx.localAuthority.create({ data: { name: input.name, onsCode: input.onsCode, region: input.region } });
        await recordAudit(tx, ctx.user, audited({ entity: 'authority', id: row.id, action: 'create', reason: input.reason, after: row }));
        return { data: (await oneAuthority(tx, row.id))! };
      }),
    ),

  /** A new name for the same council: programmes keep pointing at it. */
  rename: procedure(ADMINS)
    .input(ZRenameAuthorityInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, rethrow, async (tx) => {
        const before = await tx.localAuthority.findUnique({ where: { id: input.id } });
        if (!before) throw fieldError(['id'], `No authority with id ${input.id}`);
        const after = await tx.localAuthority.update({ where: { id: input.id }, data: { name: input.name } });
        await recordAudit(tx, ctx.user, audited({ entity: 'authority', id: input.id, action: 'rename', reason: input.reason, before, after }));
        return { data: (await oneAuthority(tx, input.id))! };
      }),
    ),

  /**
   * Councils merged: `successorId` took over `id` on `succeededOn`. The predecessor stays, with its
   * programmes, and is shown under its successor; a council cannot succeed itself or one of its
   * own successors, and a successor, once recorded, is changed only by recording another.
   */
  recordSuccessor: procedure(ADMINS)
    .input(ZRecordSuccessorInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, rethrow, async (tx) => {
        {
          const before = await tx.localAuthority.findUnique({ where: { id: input.id } });
          if (!before) throw fieldError(['id'], `No authority with id ${input.id}`);
          // Walk the successor's own chain: reaching the predecessor would make a loop.
          let cursor: string | null = input.successorId;
          for (let hops = 0; cursor !== null && hops < 100; hops++) {
            if (cursor === input.id) throw fieldError(['successorId'], 'A council cannot be succeeded by itself or by a council it already succeeds');
            const next: { successorId: string | null } | null = await tx.localAuthority.findUnique({ where: { id: cursor }, select: { successorId: true } });
            if (!next) {
              if (cursor === input.successorId) throw fieldError(['successorId'], `No authority with id ${input.successorId}`);
              break;
            }
            cursor = next.successorId;
          }
          const after = await tx.localAuthority.update({ where: { id: input.id }, data: { successorId: input.successorId, succeededOn: input.succeededOn } });
          await recordAudit(tx, ctx.user, audited({ entity: 'authority', id: input.id, action: 'record_successor', reason: input.reason, before, after }));
        }
        return { data: (await oneAuthority(tx, input.id))! };
      }),
    ),
});
