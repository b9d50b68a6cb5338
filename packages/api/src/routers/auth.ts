import { randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { recordAudit } from '../audit.js';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '@ip/db';
import { ZChangePasswordInput, ZRole } from '@ip/domain';
import { procedure, publicProcedure, READERS, router } from '../trpc.js';
import { loginLimiter } from '../rate-limit.js';
import { fieldError } from '../errors.js';
import { hashToken, sessionCache } from '../sessions.js';

export { hashToken, userForToken } from '../sessions.js';

const SESSION_DAYS = 7;


const ZLogin = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address').max(254),
  password: z.string().min(1, 'Enter your password').max(200),
});

export const authRouter = router({
  login: publicProcedure()
    .input(ZLogin)
    .mutation(async ({ ctx, input }) => {
      const key = `${ctx.clientIp}|${input.email}`;
      if (!loginLimiter.allow(key, ctx.now())) {
        throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'Too many sign-in attempts. Wait a minute and try again.' });
      }
      const user = await ctx.prisma.user.findUnique({ where: { email: input.email } });
      const ok = user ? await verifyPassword(input.password, user.passwordHash) : false;
      if (!user || !ok) {
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Email or password is not recognised' });
      }
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(ctx.now() + SESSION_DAYS * 86_400_000);
      await ctx.prisma.session.create({ data: { id: hashToken(token), userId: user.id, expiresAt } });
      ctx.cookies.setSessionCookie(token, expiresAt);
      return { user: { id: user.id, email: user.email, name: user.name, role: ZRole.parse(user.role) } };
    }),
  logout: publicProcedure().mutation(async ({ ctx }) => {
    if (ctx.sessionId) {
      await ctx.prisma.session.updateMany({ where: { id: ctx.sessionId, revokedAt: null }, data: { revokedAt: new Date(ctx.now()) } });
      sessionCache.forgetSession(ctx.sessionId);
    }
    ctx.cookies.clearSessionCookie();
    return { ok: true as const };
  }),
  me: publicProcedure().query(({ ctx }) => ({ user: ctx.user })),
  /** Any signed-in user changes their own password; every other session of theirs ends. */
  changePassword: procedure(READERS)
    .input(ZChangePasswordInput)
    .mutation(async ({ ctx, input }) => {
      const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: ctx.user.id } });
      if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
        throw fieldError(['currentPassword'], 'that is not your current password');
      }
      const passwordHash = await hashPassword(input.newPassword);
      const now = new Date(ctx.now());
      await ctx.prisma.$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: now } });
        await tx.session.updateMany({ where: { userId: user.id, revokedAt: null, NOT: { id: ctx.sessionId ?? '' } }, data: { revokedAt: now } });
        await recordAudit(tx, ctx.user, { entity: 'user', entityId: user.id, action: 'change_password' });
      });
      sessionCache.forgetUser(user.id, ctx.sessionId);
      return { ok: true as const };
    }),
});
