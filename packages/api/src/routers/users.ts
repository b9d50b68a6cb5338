/**
 * Users (admin only): who may sign in and with which role. Changing a role or a password ends the
 * person's sessions, so a demoted manager cannot keep acting with an old cookie.
 */
import { TRPCError } from '@trpc/server';
import { hashPassword } from '@ip/db';
import { ZCreateUserInput, ZUpdateUserInput } from '@ip/domain';
import { recordAudit, snapshot } from '../audit.js';
import { conflictOnDuplicate, fieldError } from '../errors.js';
import { withReceipt } from '../receipts.js';
import { sessionCache } from '../sessions.js';
import { procedure, router } from '../trpc.js';
import { orderBy, page, ZGetMany, ZGetOne, ZListParams } from './list-params.js';

const ADMINS = ['admin'] as const;
const select = { id: true, email: true, name: true, role: true, createdAt: true, passwordChangedAt: true } as const;
const SORTABLE = { id: 'email', email: 'email', name: 'name', role: 'role', createdAt: 'createdAt' } as const;

export const usersRouter = router({
  getList: procedure(ADMINS)
    .input(ZListParams)
    .query(async ({ ctx, input }) => {
      const q = typeof input.filter.q === 'string' ? input.filter.q : undefined;
      const where = q ? { OR: [{ name: { contains: q, mode: 'insensitive' as const } }, { email: { contains: q, mode: 'insensitive' as const } }] } : {};
      const [data, total] = await Promise.all([
        ctx.prisma.user.findMany({ where, select, orderBy: orderBy(input.sort, SORTABLE, 'email'), ...page(input.pagination) }),
        ctx.prisma.user.count({ where }),
      ]);
      return { data, total };
    }),
  getOne: procedure(ADMINS)
    .input(ZGetOne)
    .query(async ({ ctx, input }) => {
      const data = await ctx.prisma.user.findUnique({ where: { id: input.id }, select });
      if (!data) throw new TRPCError({ code: 'NOT_FOUND', message: `No user with id ${input.id}` });
      return { data };
    }),
  getMany: procedure(ADMINS)
    .input(ZGetMany)
    .query(async ({ ctx, input }) => ({ data: await ctx.prisma.user.findMany({ where: { id: { in: input.ids } }, select }) })),
  create: procedure(ADMINS)
    .input(ZCreateUserInput)
    .mutation(({ ctx, input }) =>
      withReceipt(ctx, 'users.create', input.clientRequestId, async () => {
        const passwordHash = await hashPassword(input.password);
        const data = await ctx.prisma
          .$transaction(async (tx) => {
            const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash }, select });
            await recordAudit(tx, ctx.user, { entity: 'user', entityId: user.id, action: 'create', reason: input.reason, after: snapshot(user) });
            return user;
          })
          .catch(conflictOnDuplicate(`A user with email ${input.email} already exists`));
        return { data: snapshot(data) as unknown as typeof data };
      }),
    ),
  update: procedure(ADMINS)
    .input(ZUpdateUserInput)
    .mutation(async ({ ctx, input }) => {
      const { reason, clientRequestId: _id, ...changes } = input.data;
      const data = await ctx.prisma.$transaction(async (tx) => {
        const before = await tx.user.findUnique({ where: { id: input.id }, select });
        if (!before) throw new TRPCError({ code: 'NOT_FOUND', message: `No user with id ${input.id}` });
        if (before.id === ctx.user.id && changes.role && changes.role !== 'admin') {
          throw fieldError(['data', 'role'], 'you cannot remove your own admin role');
        }
        const after = await tx.user.update({ where: { id: input.id }, data: changes, select });
        if (changes.role && changes.role !== before.role) {
          await tx.session.updateMany({ where: { userId: input.id, revokedAt: null }, data: { revokedAt: new Date(ctx.now()) } });
        }
        await recordAudit(tx, ctx.user, { entity: 'user', entityId: input.id, action: 'update', reason, before: snapshot(before), after: snapshot(after) });
        return after;
      });
      // A role change revoked their sessions; any change makes the remembered name or role stale.
      sessionCache.forgetUser(input.id);
      return { data };
    }),
});
