/**
 * No secret reaches the logs: the API's pino output at its most verbose level, captured through
 * sign-in, a failing sign-in, a password change, user creation, a request that fails inside (so an
 * error is logged) and sign-out, holds no password, password hash, session token or cookie value,
 * and no database credentials.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@ip/db/seed';
import { startRig, type Rig } from './testing.js';

const lines: string[] = [];
let rig: Rig;

beforeAll(async () => {
  const capture = { write: (line: string) => void lines.push(line) };
  rig = await startRig({ logger: pino({ level: 'trace' }, capture) });
}, 120_000);
afterAll(() => rig?.close());

describe('logs carry no secrets', () => {
  it('sign-in, failed sign-in, password change, user creation and sign-out log no password, hash, token or DB credential', async () => {
    const secrets: string[] = [DEMO_PASSWORD];
    const admin = rig.client();
    await admin.trpc.auth.login.mutate({ email: 'admin@northmoor.gov.uk', password: DEMO_PASSWORD });
    secrets.push(...admin.cookies.values());

    const wrong = 'Wrong-password-9f3c2a71';
    secrets.push(wrong);
    await expect(rig.client().trpc.auth.login.mutate({ email: 'pm@northmoor.gov.uk', password: wrong })).rejects.toThrow();

    const newUserPassword = 'New-user-password-5e1d0b';
    secrets.push(newUserPassword);
    await admin.trpc.users.create.mutate({
      clientRequestId: `req-${crypto.randomUUID()}`, reason: 'New analyst joins', email: 'analyst@northmoor.gov.uk',
      name: 'Ana Lyst', role: 'programme_manager', password: newUserPassword,
    });

    const pm = rig.client();
    await pm.trpc.auth.login.mutate({ email: 'analyst@northmoor.gov.uk', password: newUserPassword });
    secrets.push(...pm.cookies.values());
    const changed = 'Changed-password-77ac41e2';
    secrets.push(changed);
    await pm.trpc.auth.changePassword.mutate({ clientRequestId: crypto.randomUUID(), currentPassword: newUserPassword, newPassword: changed });
    await expect(pm.trpc.auth.changePassword.mutate({ clientRequestId: crypto.randomUUID(), currentPassword: wrong, newPassword: `${changed}-again` })).rejects.toThrow();
    secrets.push(`${changed}-again`);

    // A command that fails inside (the workflow service refuses an unknown programme) so errors are logged too.
    await pm.trpc.programmes.publishReport
      .mutate({ programmeId: 'programme-E09000001-9', clientRequestId: `req-${crypto.randomUUID()}`, reason: 'Published today', publishedOn: '2026-11-20' })
      .catch(() => undefined);
    await pm.trpc.auth.logout.mutate();

    const hashes = (await rig.prisma.user.findMany({ select: { passwordHash: true } })).map((u) => u.passwordHash);
    const sessions = (await rig.prisma.session.findMany({ select: { id: true } })).map((s) => s.id);
    const dbUrl = new URL(rig.databaseUrl);
    const dbSecrets = [rig.databaseUrl, `${dbUrl.username}:${dbUrl.password}@`];

    expect(lines.length).toBeGreaterThan(5);
    expect(lines.some((l) => l.includes('auth.login'))).toBe(true);
    for (const secret of [...secrets, ...hashes, ...sessions, ...dbSecrets].filter((s) => s.length >= 6)) {
      const leaking = lines.filter((l) => l.includes(secret) || l.includes(encodeURIComponent(secret)));
      expect(leaking, `a log line holds a secret (${secret.slice(0, 4)}…)`).toEqual([]);
    }
  }, 60_000);
});
