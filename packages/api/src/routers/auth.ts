import { randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { recordAudit } from '../audit.js';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '@ip/db';
import { ZChangePasswordInput, ZRole } from '@ip/domain';
import { procedure, publicProcedure, READERS, router } from '../trpc.js';
import { countSignInAttempt, londonTime, signInSucceeded, type Lockout } from '../rate-limit.js';
import { fieldError } from '../errors.js';
import { commandKey, transactionalCommand } from '../receipts.js';
import { hashToken, sessionCache } from '../sessions.js';

export { hashToken, userForToken } from '../sessions.js';

const SESSION_DAYS = 7;

const ZLogin = z.strictObject({
  email: z.string().trim().toLowerCase().email('Enter a valid email address').max(254),
  password: z.string().min(1, 'Enter your password').max(200),
});

let dummy: Promise<string> | null = null;
/**
 * A real argon2 hash of a random password, made once per process with the same parameters as every
 * stored hash. An unknown email is checked against it, so that a sign-in takes as long whether or
 * not the account exists (it used to answer in ~3 ms for an unknown email and ~12 ms for a wrong
 * password, which told anyone which emails have accounts).
 */
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(24).toString('base64url'));
  return dummy;
}

/** TOO_MANY_REQUESTS that says when to try again (also as `data.retryAt`, an ISO instant). */
function tooManyAttempts(lock: Lockout): TRPCError {
  const who = lock.kind === 'account' ? 'this account' : 'your network address';
  return new TRPCError({
    code: 'TOO_MANY_REQUESTS',
    message: `Too many failed sign-in attempts for ${who}. Try again at ${londonTime(lock.lockedUntil)}, or ask an administrator to unlock it.`,
    cause: Object.assign(new Error('sign-in locked'), { retryAt: lock.lockedUntil.toISOString() }),
  });
}

export const authRouter = router({
  /**
   * Signs in. Every attempt counts against the account and the address before the password is
   * checked (rate-limit.ts); an unknown email is checked against a dummy hash, so every answer
   * takes as long (a timing test holds this).
   */
  login: publicProcedure()
    .input(ZLogin)
    .mutation(async ({ ctx, input }) => {
      const source = { email: input.email, address: ctx.clientIp };
      const [lock, user, fallback] = await Promise.all([
        countSignInAttempt(ctx.prisma, source, ctx.now()),
        ctx.prisma.user.findUnique({ where: { email: input.email } }),
        dummyHash(),
      ]);
      if (lock) throw tooManyAttempts(lock);
      const ok = await verifyPassword(input.password, user?.passwordHash ?? fallback);
      if (!user || !ok) {
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Email or password is not recognised' });
      }
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(ctx.now() + SESSION_DAYS * 86_400_000);
      await Promise.all([
        ctx.prisma.session.create({ data: { id: hashToken(token), userId: user.id, expiresAt } }),
        signInSucceeded(ctx.prisma, source),
      ]);
      ctx.cookies.setSessionCookie(token, expiresAt);
      return { user: { id: user.id, email: user.email, name: user.name, role: ZRole.parse(user.role) } };
    }),
  /** Ends this session; idempotent by nature (a second sign-out finds nothing to end), so it takes no request id. */
  logout: publicProcedure().mutation(async ({ ctx }) => {
    if (ctx.sessionId) {
      await ctx.prisma.session.updateMany({ where: { id: ctx.sessionId, revokedAt: null }, data: { revokedAt: new Date(ctx.now()) } });
      sessionCache.forgetSession(ctx.sessionId);
    }
    ctx.cookies.clearSessionCookie();
    return { ok: true as const };
  }),
  me: publicProcedure().query(({ ctx }) => ({ user: ctx.user })),
  /** Any signed-in user changes their own password; every other session of theirs ends. Once per request id. */
  changePassword: procedure(READERS)
    .input(ZChangePasswordInput)
    .mutation(async ({ ctx, input, path }) => {
      // Hashed before the transaction: argon2 is deliberately slow, and the lock on the request id
      // should not be held while it runs.
      const passwordHash = await hashPassword(input.newPassword);
      return transactionalCommand(
        ctx,
        commandKey(ctx, path, input),
        async (tx) => {
          const user = await tx.user.findUniqueOrThrow({ where: { id: ctx.user.id } });
          if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
            throw fieldError(['currentPassword'], 'that is not your current password');
          }
          const now = new Date(ctx.now());
          await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: now } });
          await tx.session.updateMany({ where: { userId: user.id, revokedAt: null, NOT: { id: ctx.sessionId ?? '' } }, data: { revokedAt: now } });
          await recordAudit(tx, ctx.user, { entity: 'user', entityId: user.id, action: 'change_password' });
          return { ok: true as const };
        },
        { afterCommit: () => sessionCache.forgetUser(ctx.user.id, ctx.sessionId) },
      );
    }),
});
