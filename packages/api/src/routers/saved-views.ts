/**
 * Saved list views: a user's own, plus those others have shared. Only the owner may change or
 * delete a view. Writes are for MANAGERS like every mutation (auditors change nothing).
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { SavedView } from '@ip/db';
import { ZCreateSavedViewInput, ZDeleteSavedViewInput, ZUpdateSavedViewInput, type TSavedView } from '@ip/domain';
import { recordAudit, snapshot, type Tx } from '../audit.js';
import type { SessionUser } from '../context.js';
import { conflictOnDuplicate } from '../errors.js';
import { MANAGERS, procedure, READERS, router } from '../trpc.js';
import { listParams, orderBy, page, parseFilter, ZGetOne } from './list-params.js';
import { notFound, registerCommand, rethrow } from './register-support.js';

const SORTABLE = { id: 'name', name: 'name', resource: 'resource', createdAt: 'createdAt', updatedAt: 'updatedAt' } as const;
const ZSavedViewFilter = z
  .object({ resource: z.string().max(64).optional(), mine: z.union([z.boolean(), z.stringbool()]).optional() });

function toSavedViewRecord(row: SavedView, user: SessionUser) {
  return {
    id: row.id,
    ownerUserId: row.ownerUserId,
    mine: row.ownerUserId === user.id,
    resource: row.resource,
    name: row.name,
    params: row.params as Record<string, unknown>,
    shared: row.shared,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const visibleTo = (user: SessionUser) => ({ OR: [{ ownerUserId: user.id }, { shared: true }] });
const columns = (v: TSavedView) => ({ resource: v.resource, name: v.name, params: v.params as object, shared: v.shared });
const duplicateName = (path: string, v: TSavedView) => conflictOnDuplicate(`${path}: you already have a view called “${v.name}” for ${v.resource}`);

/** The view, if it exists and belongs to the user; FORBIDDEN for someone else's. */
async function ownView(tx: Tx, user: SessionUser, id: string): Promise<SavedView> {
  const row = await tx.savedView.findUnique({ where: { id } });
  if (!row || (row.ownerUserId !== user.id && !row.shared)) throw notFound('saved view', id);
  if (row.ownerUserId !== user.id) throw new TRPCError({ code: 'FORBIDDEN', message: 'Only the person who saved this view can change or delete it' });
  return row;
}

export const savedViewsRouter = router({
  getList: procedure(READERS)
    .input(listParams(ZSavedViewFilter))
    .query(async ({ ctx, input }) => {
      const f = parseFilter(ZSavedViewFilter, input.filter);
      const where = {
        ...(f.mine ? { ownerUserId: ctx.user.id } : visibleTo(ctx.user)),
        ...(f.resource ? { resource: f.resource } : {}),
      };
      const [rows, total] = await Promise.all([
        ctx.prisma.savedView.findMany({ where, orderBy: [orderBy(input.sort, SORTABLE, 'name'), { id: 'asc' }], ...page(input.pagination) }),
        ctx.prisma.savedView.count({ where }),
      ]);
      return { data: rows.map((r) => toSavedViewRecord(r, ctx.user)), total };
    }),
  getOne: procedure(READERS)
    .input(ZGetOne)
    .query(async ({ ctx, input }) => {
      const row = await ctx.prisma.savedView.findFirst({ where: { id: input.id, ...visibleTo(ctx.user) } });
      if (!row) throw notFound('saved view', input.id);
      return { data: toSavedViewRecord(row, ctx.user) };
    }),
  create: procedure(MANAGERS)
    .input(ZCreateSavedViewInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, duplicateName('view.name', input.view), async (tx) => {
        const row = await tx.savedView.create({ data: { ownerUserId: ctx.user.id, ...columns(input.view) } });
        await recordAudit(tx, ctx.user, { entity: 'saved_view', entityId: row.id, action: 'create', reason: input.reason, after: snapshot(row) });
        return { data: toSavedViewRecord(row, ctx.user) };
      }),
    ),
  update: procedure(MANAGERS)
    .input(ZUpdateSavedViewInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, duplicateName('data.view.name', input.data.view), async (tx) => {
        const before = await ownView(tx, ctx.user, input.id);
        const row = await tx.savedView.update({ where: { id: before.id }, data: columns(input.data.view) });
        await recordAudit(tx, ctx.user, {
          entity: 'saved_view', entityId: row.id, action: 'update', reason: input.data.reason, before: snapshot(before), after: snapshot(row),
        });
        return { data: toSavedViewRecord(row, ctx.user) };
      }),
    ),
  /** Returns the deleted view, as react-admin's `delete` expects. */
  delete: procedure(MANAGERS)
    .input(ZDeleteSavedViewInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, rethrow, async (tx) => {
        const before = await ownView(tx, ctx.user, input.id);
        await tx.savedView.delete({ where: { id: before.id } });
        await recordAudit(tx, ctx.user, { entity: 'saved_view', entityId: before.id, action: 'delete', reason: input.reason, before: snapshot(before) });
        return { data: toSavedViewRecord(before, ctx.user) };
      }),
    ),
});
