/**
 * Session validation, remembered briefly in-process. Without it every request (a list page, each
 * poll) pays a PostgreSQL round trip for its cookie before the procedure's own queries, on the
 * same connection pool; under 50 concurrent clients that was a third of the pool's work.
 *
 * Only sessions found valid are remembered, each for at most `ttlMs` and never past its expiry.
 * Revocation in this process takes effect at once: logout, a password change and a role change
 * call `forgetSession` / `forgetUser` as they revoke. Another API process learns of a revocation
 * when its entry lapses, so `ttlMs` bounds how long a revoked cookie may still be honoured there.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { PrismaClient } from '@ip/db';
import { ZRole } from '@ip/domain';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Resolves a session token from a cookie into the signed-in user, or null. */
export async function userForToken(
  prisma: PrismaClient,
  token: string | null,
  nowMs: number,
): Promise<{ sessionId: string; expiresAtMs: number; user: { id: string; email: string; name: string; role: z.infer<typeof ZRole> } } | null> {
  if (!token) return null;
  const session = await prisma.session.findUnique({ where: { id: hashToken(token) }, include: { user: true } });
  if (!session || session.revokedAt || session.expiresAt.getTime() <= nowMs) return null;
  const u = session.user;
  return { sessionId: session.id, expiresAtMs: session.expiresAt.getTime(), user: { id: u.id, email: u.email, name: u.name, role: ZRole.parse(u.role) } };
}

type Session = NonNullable<Awaited<ReturnType<typeof userForToken>>>;
interface Entry {
  session: Session;
  /** Cached until min(now + ttl, session expiry). */
  until: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly ttlMs: number, private readonly maxEntries = 10_000) {}

  /** The signed-in user for a cookie token, from memory when checked in the last `ttlMs`. */
  async lookup(prisma: PrismaClient, token: string | null, nowMs: number): Promise<Session | null> {
    if (!token) return null;
    const id = hashToken(token);
    const hit = this.entries.get(id);
    if (hit && nowMs < hit.until) return hit.session;
    if (hit) this.entries.delete(id);
    const session = await userForToken(prisma, token, nowMs);
    if (!session || this.ttlMs <= 0) return session;
    if (this.entries.size >= this.maxEntries) this.prune(nowMs);
    this.entries.set(id, { session, until: Math.min(nowMs + this.ttlMs, session.expiresAtMs) });
    return session;
  }

  /** Drops one session (logout). */
  forgetSession(sessionId: string | null): void {
    if (sessionId) this.entries.delete(sessionId);
  }

  /** Drops every session of a user (password or role change), optionally keeping one. */
  forgetUser(userId: string, keepSessionId?: string | null): void {
    for (const [id, e] of this.entries) if (e.session.user.id === userId && id !== keepSessionId) this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(nowMs: number): void {
    for (const [id, e] of this.entries) if (nowMs >= e.until) this.entries.delete(id);
    // Still full: drop the oldest insertions (Map iterates in insertion order).
    for (const id of this.entries.keys()) {
      if (this.entries.size < this.maxEntries) break;
      this.entries.delete(id);
    }
  }
}

/** How long a valid session is remembered: the longest a revocation may take to reach another API process. */
export const SESSION_CACHE_MS = 5_000;

/** The one cache an API process uses (the auth routers forget revoked sessions in it). */
export const sessionCache = new SessionCache(SESSION_CACHE_MS);
