/**
 * The in-process session cache on real PostgreSQL: it spares the database a lookup per request,
 * yet logout, a password change and a role change revoke at once in this process, and a
 * revocation made elsewhere (another API process) is honoured within its time to live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@ip/db';
import { createContextInner } from './context.js';
import { appRouter } from './root.js';
import { hashToken, SESSION_CACHE_MS, SessionCache, sessionCache } from './sessions.js';
import { createCallerFactory } from './trpc.js';
import { rid, startRouterTest, type RouterTest } from './test-support.js';

let t: RouterTest;
beforeAll(async () => { t = await startRouterTest(); });
afterAll(async () => { await t?.close(); });

const DAY = 86_400_000;
async function newSession(userId: string, expiresInMs = DAY) {
  const token = `tok-${crypto.randomUUID()}`;
  await t.prisma.session.create({ data: { id: hashToken(token), userId, expiresAt: new Date(Date.now() + expiresInMs) } });
  return token;
}
/** A caller signed in with `token`, as the HTTP server builds it. */
async function signedIn(token: string) {
  const s = await sessionCache.lookup(t.prisma, token, Date.now());
  if (!s) throw new Error('not signed in');
  return createCallerFactory(appRouter)(createContextInner({ prisma: t.prisma, temporal: {} as never }, { user: s.user, sessionId: s.sessionId, sessionToken: token }));
}
/** What the server would make of `token` now, database queries counted. */
async function lookupCounting(cache: SessionCache, token: string, nowMs = Date.now()) {
  let queries = 0;
  const prisma = new Proxy(t.prisma, {
    get: (target, key) => (key === 'session' ? new Proxy(target.session, { get: (s, k) => (queries++, Reflect.get(s, k)) }) : Reflect.get(target, key)),
  });
  const session = await cache.lookup(prisma, token, nowMs);
  return { session, queries };
}

describe('session cache', () => {
  it('asks the database once for a valid session, then not again within its time to live', async () => {
    const cache = new SessionCache(SESSION_CACHE_MS);
    const token = await newSession(t.users.programme_manager.id);
    const now = Date.now();
    const first = await lookupCounting(cache, token, now);
    expect(first.session?.user.email).toBe('programme_manager@northmoor.gov.uk');
    expect(first.queries).toBe(1);
    const second = await lookupCounting(cache, token, now + SESSION_CACHE_MS - 1);
    expect(second).toEqual({ session: first.session, queries: 0 });
    const lapsed = await lookupCounting(cache, token, now + SESSION_CACHE_MS);
    expect(lapsed.queries).toBe(1);
  });

  it('honours a revocation made by another process once the entry lapses, and never a session past its expiry', async () => {
    const cache = new SessionCache(SESSION_CACHE_MS);
    const token = await newSession(t.users.auditor.id);
    const now = Date.now();
    expect((await cache.lookup(t.prisma, token, now))?.user.role).toBe('auditor');
    await t.prisma.session.update({ where: { id: hashToken(token) }, data: { revokedAt: new Date() } });
    expect(await cache.lookup(t.prisma, token, now + SESSION_CACHE_MS)).toBeNull();

    const short = await newSession(t.users.auditor.id, 1_000);
    const at = Date.now();
    expect(await cache.lookup(t.prisma, short, at)).not.toBeNull();
    // Within the time to live, but past the session's own expiry: looked up again, and refused.
    const expired = await lookupCounting(cache, short, at + 1_500);
    expect(expired).toEqual({ session: null, queries: 1 });
  });

  it('remembers no unknown token (a guessing client cannot fill it)', async () => {
    const cache = new SessionCache(SESSION_CACHE_MS);
    for (let i = 0; i < 5; i++) expect(await cache.lookup(t.prisma, `guess-${i}`, Date.now())).toBeNull();
    expect(cache.size).toBe(0);
    expect((await lookupCounting(cache, 'guess-0')).queries).toBe(1);
  });

  it('logout revokes the session at once, though it was remembered a moment ago', async () => {
    const token = await newSession(t.users.programme_manager.id);
    const caller = await signedIn(token);
    expect(await sessionCache.lookup(t.prisma, token, Date.now())).not.toBeNull();
    await caller.auth.logout();
    expect(await sessionCache.lookup(t.prisma, token, Date.now())).toBeNull();
    expect((await t.prisma.session.findUniqueOrThrow({ where: { id: hashToken(token) } })).revokedAt).not.toBeNull();
  });

  it('a password change ends the other remembered sessions at once, not this one; a role change ends them all', async () => {
    const user = await t.prisma.user.create({ data: { email: `cache-${rid()}@northmoor.gov.uk`, name: 'Cass Ache', role: 'programme_manager', passwordHash: await hashPassword('old password 2026') } });
    const [mine, other] = [await newSession(user.id), await newSession(user.id)];
    expect(await sessionCache.lookup(t.prisma, other, Date.now())).not.toBeNull();
    await (await signedIn(mine)).auth.changePassword({ clientRequestId: rid(), currentPassword: 'old password 2026', newPassword: 'a brand new password' });
    expect(await sessionCache.lookup(t.prisma, other, Date.now())).toBeNull();
    expect(await sessionCache.lookup(t.prisma, mine, Date.now())).not.toBeNull();

    await t.as('admin').users.update({ id: user.id, data: { clientRequestId: rid(), reason: 'Moved to audit', role: 'auditor' } });
    expect(await sessionCache.lookup(t.prisma, mine, Date.now())).toBeNull();
  });
});
