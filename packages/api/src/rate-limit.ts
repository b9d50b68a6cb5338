/**
 * Sign-in throttling, kept in PostgreSQL (table sign_in_throttle) so that it holds across API
 * processes and restarts: one counter per account (the email as typed, whether or not an account
 * has it, so a lockout says nothing about who has an account) and one per source address (so one
 * address cannot guess at many accounts).
 *
 * Every attempt is counted before its password is checked, in a transaction that locks both rows:
 * ten guesses sent at once cannot slip past the limit while the first is being checked. A success
 * takes its own attempt back (and clears the account's count), so only failures accumulate: a
 * council office behind one address signs in all morning without tripping the address limit.
 * Passing the limit locks the key for `lockMs`; the lockout is written to the audit trail, and an
 * admin can lift it early (`users.unlockSignIn`), which is audited too.
 */
import type { PrismaClient, SignInThrottle } from '@ip/db';
import { appendAuditRow } from './audit-chain.js';
import type { Tx } from './audit.js';

export type ThrottleKind = 'account' | 'address';

export interface ThrottleLimit {
  /** Failed attempts allowed within a window; the next one locks the key. */
  maxFailures: number;
  windowMs: number;
  /** How long a lockout lasts. */
  lockMs: number;
}

export const SIGN_IN_LIMITS: Record<ThrottleKind, ThrottleLimit> = {
  account: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  address: { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
};

export interface SignInSource {
  /** The email as the schema normalised it (trimmed, lower case). */
  email: string;
  address: string;
}

export interface Lockout {
  kind: ThrottleKind;
  subject: string;
  lockedUntil: Date;
}

export const throttleKey = (kind: ThrottleKind, subject: string): string => `${kind}:${subject}`;

function keysOf(source: SignInSource): { kind: ThrottleKind; subject: string; key: string }[] {
  // In key order, so two sign-ins touching the same rows lock them in the same order (no deadlock).
  return (['account', 'address'] as const)
    .map((kind) => ({ kind, subject: kind === 'account' ? source.email : source.address }))
    .map((k) => ({ ...k, key: throttleKey(k.kind, k.subject) }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}

async function lockedRow(tx: Tx, kind: ThrottleKind, subject: string, key: string, now: Date): Promise<SignInThrottle> {
  await tx.signInThrottle.createMany({ data: [{ key, kind, subject, attempts: 0, windowStartedAt: now }], skipDuplicates: true });
  // The row lock makes concurrent attempts on one key count one after another.
  await tx.$queryRaw`SELECT key FROM sign_in_throttle WHERE key = ${key} FOR UPDATE`;
  return tx.signInThrottle.findUniqueOrThrow({ where: { key } });
}

/**
 * Counts one sign-in attempt against the account and the address. Returns the lockout that refuses
 * it (the one that ends last), or null when the password may be checked.
 */
export async function countSignInAttempt(
  prisma: PrismaClient,
  source: SignInSource,
  nowMs: number,
  limits: Record<ThrottleKind, ThrottleLimit> = SIGN_IN_LIMITS,
): Promise<Lockout | null> {
  const now = new Date(nowMs);
  return prisma.$transaction(async (tx) => {
    const refusals: Lockout[] = [];
    for (const { kind, subject, key } of keysOf(source)) {
      const row = await lockedRow(tx, kind, subject, key, now);
      const limit = limits[kind];
      if (row.lockedUntil && row.lockedUntil.getTime() > nowMs) {
        refusals.push({ kind, subject, lockedUntil: row.lockedUntil });
        continue;
      }
      const fresh = nowMs - row.windowStartedAt.getTime() >= limit.windowMs || row.lockedUntil !== null;
      const attempts = (fresh ? 0 : row.attempts) + 1;
      const windowStartedAt = fresh ? now : row.windowStartedAt;
      if (attempts > limit.maxFailures) {
        // Whole minutes, so "try again at 14:32" is exactly when it works again.
        const lockedUntil = new Date(Math.ceil((nowMs + limit.lockMs) / 60_000) * 60_000);
        await tx.signInThrottle.update({ where: { key }, data: { attempts, windowStartedAt, lockedUntil } });
        await appendAuditRow(tx, {
          actorUserId: null, actorRole: 'system', entity: 'sign_in', entityId: key, action: 'lockout',
          reason: `${limit.maxFailures} failed sign-in attempts within ${limit.windowMs / 60_000} minutes for this ${kind}`,
          before: null, after: { kind, subject, lockedUntil: lockedUntil.toISOString() },
        });
        refusals.push({ kind, subject, lockedUntil });
      } else {
        await tx.signInThrottle.update({ where: { key }, data: { attempts, windowStartedAt, lockedUntil: null } });
      }
    }
    return refusals.sort((a, b) => b.lockedUntil.getTime() - a.lockedUntil.getTime())[0] ?? null;
  });
}

/** A sign-in succeeded: the account starts afresh and the address gets its attempt back. */
export async function signInSucceeded(prisma: PrismaClient, source: SignInSource): Promise<void> {
  await prisma.$transaction([
    prisma.signInThrottle.updateMany({ where: { key: throttleKey('account', source.email) }, data: { attempts: 0 } }),
    prisma.signInThrottle.updateMany({ where: { key: throttleKey('address', source.address), attempts: { gt: 0 } }, data: { attempts: { decrement: 1 } } }),
  ]);
}

/** Lockouts in force now, the latest-ending first. */
export async function activeLockouts(db: Pick<PrismaClient, 'signInThrottle'>, nowMs: number): Promise<(Lockout & { attempts: number })[]> {
  const rows = await db.signInThrottle.findMany({ where: { lockedUntil: { gt: new Date(nowMs) } }, orderBy: [{ lockedUntil: 'desc' }, { key: 'asc' }], take: 500 });
  return rows.map((r) => ({ kind: r.kind as ThrottleKind, subject: r.subject, lockedUntil: r.lockedUntil!, attempts: r.attempts }));
}

/** Lifts a lockout in force (null if there was none), inside the caller's transaction. */
export async function liftLockout(tx: Tx, kind: ThrottleKind, subject: string, nowMs: number): Promise<SignInThrottle | null> {
  const key = throttleKey(kind, subject);
  const row = await tx.signInThrottle.findUnique({ where: { key } });
  if (!row?.lockedUntil || row.lockedUntil.getTime() <= nowMs) return null;
  await tx.signInThrottle.update({ where: { key }, data: { lockedUntil: null, attempts: 0, windowStartedAt: new Date(nowMs) } });
  return row;
}

/** "14:32 on 6 December 2026 (UK time)": when a refused sign-in may try again. */
export function londonTime(at: Date): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(at);
  return `${time} on ${day} (UK time)`;
}
