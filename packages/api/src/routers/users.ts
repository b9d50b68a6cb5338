/**
 * Users (admin only): who may sign in and with which role. Changing a role or a password ends the
 * person's sessions, so a demoted manager cannot keep acting with an old cookie.
 */
import { TRPCError } from '@trpc/server';
import { hashPassword } from '@ip/db';
import { ZCreateUserInput, ZUnlockSignInInput, ZUpdateUserInput } from '@ip/domain';
import { recordAudit, snapshot } from '../audit.js';
import { conflictOnDuplicate, fieldError } from '../errors.js';
import { activeLockouts, liftLockout, throttleKey } from '../rate-limit.js';
import { sessionCache } from '../sessions.js';
import { procedure, router } from '../trpc.js';
import { listParams, orderBy, page, parseFilter, ZGetMany, ZGetOne, ZSearchFilter } from './list-params.js';
import { registerCommand, rethrow } from './register-support.js';

const ADMINS = ['admin'] as const;
const select = { id: true, email: true, name: true, role: true, createdAt: true, passwordChangedAt: true } as const;
const SORTABLE = { id: 'email', email: 'email', name: 'name', role: 'role', createdAt: 'createdAt' } as const;

export const usersRouter = router({
  getList: procedure(ADMINS)
    .input(listParams(ZSearchFilter))
    .query(async ({ ctx, input }) => {
      const { q } = parseFilter(ZSearchFilter, input.filter);
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
    .mutation(async ({ ctx, input, path }) => {
      // Hashed before the transaction: argon2 is deliberately slow (a replay wastes one hash).
      const passwordHash = await hashPassword(input.password);
      return registerCommand(ctx, { path, input }, conflictOnDuplicate(`email: a user with email ${input.email} already exists`), async (tx) => {
        const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash }, select });
        await recordAudit(tx, ctx.user, { entity: 'user', entityId: user.id, action: 'create', reason: input.reason, after: snapshot(user) });
        return { data: user };
      });
    }),
  update: procedure(ADMINS)
    .input(ZUpdateUserInput)
    .mutation(({ ctx, input, path }) => {
      const { reason, clientRequestId: _id, ...changes } = input.data;
      return registerCommand(
        ctx,
        { path, input },
        rethrow,
        async (tx) => {
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
          return { data: after };
        },
        // A role change revoked their sessions; any change makes the remembered name or role stale.
        { afterCommit: () => sessionCache.forgetUser(input.id) },
      );
    }),
  /** Sign-in lockouts in force now (accounts and source addresses), the latest-ending first. */
  signInLockouts: procedure(ADMINS).query(async ({ ctx }) => ({
    data: (await activeLockouts(ctx.prisma, ctx.now())).map((l) => ({
      id: throttleKey(l.kind, l.subject), kind: l.kind, subject: l.subject, attempts: l.attempts, lockedUntil: l.lockedUntil.toISOString(),
    })),
  })),
  /** Lifts a lockout before it ends, with a reason; audited. NOT_FOUND if none is in force. */
  unlockSignIn: procedure(ADMINS)
    .input(ZUnlockSignInInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, rethrow, async (tx) => {
        const subject = input.kind === 'account' ? input.subject.toLowerCase() : input.subject;
        const lifted = await liftLockout(tx, input.kind, subject, ctx.now());
        if (!lifted) throw new TRPCError({ code: 'NOT_FOUND', message: `subject: no sign-in lockout in force for the ${input.kind} ${subject}` });
        const key = throttleKey(input.kind, subject);
        await recordAudit(tx, ctx.user, {
          entity: 'sign_in', entityId: key, action: 'unlock', reason: input.reason,
          before: { kind: input.kind, subject, lockedUntil: lifted.lockedUntil?.toISOString() ?? null }, after: { kind: input.kind, subject, lockedUntil: null },
        });
        return { data: { id: key, kind: input.kind, subject, unlockedAt: new Date(ctx.now()).toISOString() } };
      }),
    ),
});
