/**
 * Sign-in throttling on real PostgreSQL: per account and per address, shared by every API process
 * (two Prisma clients stand for two replicas), lockouts and unlocks in the audit trail, a message
 * that says when to try again, and no burst of concurrent guesses slipping past the limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, hashPassword, type PrismaClient } from '@ip/db';
import { appRouter } from './root.js';
import { createCallerFactory } from './trpc.js';
import { createContextInner } from './context.js';
import { SIGN_IN_LIMITS } from './rate-limit.js';
import { failure, rid, startRouterTest, type RouterTest } from './test-support.js';

const PASSWORD = 'right password 2026';
let t: RouterTest;
/** A second client on the same database: another API replica. */
let replica: PrismaClient;
// In the future, so lockouts made "then" are still in force for the admin's queries, which run at the real time.
const T0 = Date.parse('2030-12-02T09:00:00Z');

beforeAll(async () => {
  t = await startRouterTest();
  replica = createPrisma({ databaseUrl: t.url });
}, 120_000);
afterAll(async () => {
  await replica?.$disconnect();
  await t?.close();
});

async function newUser(): Promise<string> {
  const email = `u-${rid()}@northmoor.gov.uk`.toLowerCase();
  await t.prisma.user.create({ data: { email, name: 'Sign In', role: 'programme_manager', passwordHash: await hashPassword(PASSWORD) } });
  return email;
}

function login(o: { email: string; password: string; ip: string; at?: number; prisma?: PrismaClient }) {
  const ctx = createContextInner({ prisma: o.prisma ?? t.prisma, temporal: {} as never, now: () => o.at ?? T0 }, { clientIp: o.ip });
  return createCallerFactory(appRouter)(ctx).auth.login({ email: o.email, password: o.password });
}

describe('sign-in throttling in PostgreSQL', () => {
  it(`locks an account after ${SIGN_IN_LIMITS.account.maxFailures} failures, says when to try again, audits it, and an admin can unlock it`, async () => {
    const email = await newUser();
    for (let i = 0; i < SIGN_IN_LIMITS.account.maxFailures; i++) {
      expect((await failure(login({ email, password: `guess-${i}`, ip: `10.1.0.${i}` }))).code).toBe('UNAUTHORIZED');
    }
    const locked = await failure(login({ email, password: 'guess-x', ip: '10.1.0.99' }));
    expect(locked.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.message).toMatch(/Too many failed sign-in attempts for this account\. Try again at \d\d:\d\d on 2 December 2030 \(UK time\)/);
    expect((locked.cause as { retryAt?: string }).retryAt).toBe('2030-12-02T09:15:00.000Z');
    // Even the right password, and even through another replica: the lock lives in PostgreSQL.
    expect((await failure(login({ email, password: PASSWORD, ip: '10.1.1.1', prisma: replica }))).code).toBe('TOO_MANY_REQUESTS');
    const lockout = await t.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'sign_in', entityId: `account:${email}`, action: 'lockout' } });
    expect(lockout.actorRole).toBe('system');

    const lockouts = await t.as('admin').users.signInLockouts();
    expect(lockouts.data.map((l) => l.subject)).toContain(email);
    expect((await failure(t.as('programme_manager').users.unlockSignIn({ kind: 'account', subject: email, reason: 'Confirmed by phone', clientRequestId: rid() }))).code).toBe('FORBIDDEN');
    await t.as('admin').users.unlockSignIn({ kind: 'account', subject: email, reason: 'Confirmed identity by phone', clientRequestId: rid() });
    const unlock = await t.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'sign_in', entityId: `account:${email}`, action: 'unlock' } });
    expect([unlock.actorUserId, unlock.reason]).toEqual([t.users.admin.id, 'Confirmed identity by phone']);
    expect((await login({ email, password: PASSWORD, ip: '10.1.1.2' })).user.email).toBe(email);
    expect((await failure(t.as('admin').users.unlockSignIn({ kind: 'account', subject: email, reason: 'Again, by mistake', clientRequestId: rid() }))).code).toBe('NOT_FOUND');
  });

  it('a lockout ends by itself when its time is up', async () => {
    const email = await newUser();
    for (let i = 0; i <= SIGN_IN_LIMITS.account.maxFailures; i++) await failure(login({ email, password: `g-${i}`, ip: '10.2.0.1' }));
    expect((await failure(login({ email, password: PASSWORD, ip: '10.2.0.2', at: T0 + SIGN_IN_LIMITS.account.lockMs - 60_000 }))).code).toBe('TOO_MANY_REQUESTS');
    expect((await login({ email, password: PASSWORD, ip: '10.2.0.2', at: T0 + SIGN_IN_LIMITS.account.lockMs + 60_000 })).user.email).toBe(email);
  });

  it(`locks an address after ${SIGN_IN_LIMITS.address.maxFailures} failures across many emails; other addresses and that account elsewhere are untouched`, async () => {
    const ip = '10.3.0.1';
    for (let i = 0; i < SIGN_IN_LIMITS.address.maxFailures; i++) {
      expect((await failure(login({ email: `nobody-${i}-${rid()}@northmoor.gov.uk`, password: 'x', ip }))).code).toBe('UNAUTHORIZED');
    }
    const email = await newUser();
    const refused = await failure(login({ email, password: PASSWORD, ip }));
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.message).toMatch(/for your network address/);
    expect((await login({ email, password: PASSWORD, ip: '10.3.0.2' })).user.email).toBe(email);
    expect(await t.prisma.auditEvent.count({ where: { entity: 'sign_in', entityId: `address:${ip}`, action: 'lockout' } })).toBe(1);
  });

  it('successful sign-ins do not add up: one office address signs everyone in all morning', async () => {
    const email = await newUser();
    for (let i = 0; i < SIGN_IN_LIMITS.address.maxFailures + 10; i++) {
      expect((await login({ email, password: PASSWORD, ip: '10.4.0.1', at: T0 + i * 1000 })).user.email).toBe(email);
    }
  });

  it('twenty guesses at once get at most the allowed number of password checks', async () => {
    const email = await newUser();
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => failure(login({ email, password: `burst-${i}`, ip: `10.5.0.${i}` }))));
    const codes = outcomes.map((e) => e.code);
    expect(codes.filter((c) => c === 'UNAUTHORIZED').length).toBe(SIGN_IN_LIMITS.account.maxFailures);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBe(20 - SIGN_IN_LIMITS.account.maxFailures);
  });
});
