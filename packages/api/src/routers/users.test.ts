import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@ip/db';
import { appRouter } from '../root.js';
import { createCallerFactory } from '../trpc.js';
import { createContextInner } from '../context.js';
import { hashToken, userForToken } from './auth.js';
import { failure, fieldsOf, rid, startRouterTest, type RouterTest } from '../test-support.js';

let t: RouterTest;
beforeAll(async () => { t = await startRouterTest(); });
afterAll(async () => { await t?.close(); });

describe('users (admin) and password change', () => {
  it('an admin creates a user once per request id; a duplicate email is a CONFLICT; bad input names the field', async () => {
    const id = rid();
    const input = { clientRequestId: id, reason: 'New starter in the improvement team', email: 'New.Person@Northmoor.gov.uk', name: 'New Person', role: 'programme_manager' as const, password: 'correct horse battery' };
    const a = await t.as('admin').users.create(input);
    const b = await t.as('admin').users.create(input);
    expect(b.data.id).toBe(a.data.id);
    expect(a.data.email).toBe('new.person@northmoor.gov.uk');
    expect(JSON.stringify(a)).not.toContain('passwordHash');
    const dup = await failure(t.as('admin').users.create({ ...input, clientRequestId: rid() }));
    expect(dup.code).toBe('CONFLICT');
    const short = await failure(t.as('admin').users.create({ ...input, clientRequestId: rid(), email: 'x@northmoor.gov.uk', password: 'short' }));
    expect(fieldsOf(short)).toContain('password');
    expect(await t.prisma.auditEvent.count({ where: { entity: 'user', action: 'create' } })).toBe(1);
  });

  it('programme managers and auditors cannot list or change users', async () => {
    expect((await failure(t.as('programme_manager').users.getList({}))).code).toBe('FORBIDDEN');
    expect((await failure(t.as('auditor').users.getList({}))).code).toBe('FORBIDDEN');
  });

  it('changing a role ends that person’s sessions', async () => {
    const user = await t.prisma.user.create({ data: { email: 'demote@northmoor.gov.uk', name: 'Demote Me', role: 'programme_manager', passwordHash: 'x' } });
    await t.prisma.session.create({ data: { id: hashToken('tok-demote'), userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) } });
    expect(await userForToken(t.prisma, 'tok-demote', Date.now())).not.toBeNull();
    await t.as('admin').users.update({ id: user.id, data: { clientRequestId: rid(), reason: 'Moved to audit', role: 'auditor' } });
    expect(await userForToken(t.prisma, 'tok-demote', Date.now())).toBeNull();
  });

  it('changing your password needs the current one and ends your other sessions, not this one', async () => {
    const user = await t.prisma.user.create({ data: { email: 'pw@northmoor.gov.uk', name: 'Pat Word', role: 'programme_manager', passwordHash: await hashPassword('old password 2026') } });
    for (const tok of ['tok-this', 'tok-other']) {
      await t.prisma.session.create({ data: { id: hashToken(tok), userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) } });
    }
    const caller = createCallerFactory(appRouter)(createContextInner({ prisma: t.prisma, temporal: {} as never }, {
      user: { id: user.id, email: user.email, name: user.name, role: 'programme_manager' }, sessionId: hashToken('tok-this'),
    }));
    const wrong = await failure(caller.auth.changePassword({ clientRequestId: rid(), currentPassword: 'nope', newPassword: 'a brand new password' }));
    expect(fieldsOf(wrong).length + (wrong.message.includes('currentPassword') ? 1 : 0)).toBeGreaterThan(0);
    await caller.auth.changePassword({ clientRequestId: rid(), currentPassword: 'old password 2026', newPassword: 'a brand new password' });
    expect(await userForToken(t.prisma, 'tok-this', Date.now())).not.toBeNull();
    expect(await userForToken(t.prisma, 'tok-other', Date.now())).toBeNull();
  });
});
