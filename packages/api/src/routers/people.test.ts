import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TProgrammePersonInput } from '@ip/domain';
import { failure, fieldsOf, PROGRAMME_ID, rid, startRouterTest, type RouterTest } from '../test-support.js';

let t: RouterTest;
beforeAll(async () => {
  t = await startRouterTest();
});
afterAll(() => t?.close());

const director: TProgrammePersonInput = { role: 'director', name: 'Dana Okoro', email: 'Dana.Okoro@northmoor.gov.uk' };
const cmd = (person: TProgrammePersonInput, clientRequestId = rid()) => ({ programmeId: PROGRAMME_ID, clientRequestId, reason: 'New director started in March', person });

describe('people on a programme', () => {
  let id: string;

  it('admins add a person by role; the email is stored lower-case, audited, and a retry has one effect', async () => {
    const input = cmd(director);
    const first = await t.as('admin').people.create(input);
    expect(await t.as('admin').people.create(input)).toEqual(first);
    expect(first.data).toMatchObject({ role: 'director', roleLabel: 'Director of Children’s Services (or assistant director)', email: 'dana.okoro@northmoor.gov.uk', workstream: '', preference: null });
    id = first.data.id;
    expect(await t.prisma.programmePerson.count()).toBe(1);
    const audit = await t.prisma.auditEvent.findMany({ where: { entity: 'programme_person', entityId: id } });
    expect(audit.map((a) => [a.action, a.actorRole, a.reason])).toEqual([['create', 'admin', 'New director started in March']]);
  });

  it('only admins change people; everyone signed in reads them, with their delivery preference', async () => {
    for (const role of ['programme_manager', 'auditor'] as const) {
      expect((await failure(t.as(role).people.create(cmd({ ...director, role: 'board_chair' })))).code).toBe('FORBIDDEN');
      expect((await failure(t.as(role).people.remove({ id, clientRequestId: rid(), reason: 'Left the council' }))).code).toBe('FORBIDDEN');
    }
    await t.prisma.deliveryPreference.create({ data: { email: 'dana.okoro@northmoor.gov.uk', reminders: 'digest', escalations: 'digest' } });
    const list = await t.as('auditor').people.getList({ pagination: { page: 1, perPage: 10 }, sort: { field: 'name', order: 'ASC' }, filter: { programmeId: PROGRAMME_ID, role: 'director' } });
    expect(list.total).toBe(1);
    expect(list.data[0]!.preference).toEqual({ reminders: 'digest', escalations: 'digest' });
  });

  it('names the wrong field; the same person twice in one role is a CONFLICT; a workstream only for a lead', async () => {
    const admin = t.as('admin');
    const bad = await failure(admin.people.create(cmd({ role: 'chief_executive', name: 'X', email: 'nope' })));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(fieldsOf(bad).sort()).toEqual(['person.email', 'person.name']);
    const ws = await failure(admin.people.create(cmd({ ...director, workstream: 'front-door' })));
    expect(fieldsOf(ws)).toEqual(['person.workstream']);
    const dup = await failure(admin.people.create(cmd(director)));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toMatch(/already recorded as director/);
    const elsewhere = await failure(admin.people.create({ ...cmd({ ...director, role: 'board_chair' }), programmeId: 'programme-E09000001-1' }));
    expect(fieldsOf(elsewhere)).toEqual(['programmeId']);
  });

  it('update and remove are audited with before and after', async () => {
    const moved = await t.as('admin').people.update({ id, data: { clientRequestId: rid(), reason: 'Acting DCS while Dana is on leave', person: { role: 'director', name: 'Mark Ellison', email: 'mark.ellison@northmoor.gov.uk' } } });
    expect(moved.data).toMatchObject({ name: 'Mark Ellison', email: 'mark.ellison@northmoor.gov.uk' });
    await t.as('admin').people.remove({ id, clientRequestId: rid(), reason: 'Dana is back' });
    expect(await t.prisma.programmePerson.count()).toBe(0);
    const audit = await t.prisma.auditEvent.findMany({ where: { entity: 'programme_person', entityId: id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(audit[1]!.before).toMatchObject({ name: 'Dana Okoro' });
    expect(audit[1]!.after).toMatchObject({ name: 'Mark Ellison' });
    expect(audit[2]!.before).toMatchObject({ name: 'Mark Ellison' });
    expect((await failure(t.as('admin').people.remove({ id, clientRequestId: rid(), reason: 'Again by mistake' }))).code).toBe('NOT_FOUND');
  });
});

describe('delivery preferences', () => {
  it('each signed-in person sets their own (auditors too); admins set anyone’s; every change audited', async () => {
    expect((await t.as('auditor').deliveryPreferences.mine()).data).toMatchObject({ email: 'auditor@northmoor.gov.uk', reminders: 'immediate', escalations: 'immediate', isDefault: true });
    const set = await t.as('auditor').deliveryPreferences.setMine({ clientRequestId: rid(), reason: 'One email a day is enough', preference: { reminders: 'digest', escalations: 'immediate' } });
    expect(set.data).toMatchObject({ email: 'auditor@northmoor.gov.uk', reminders: 'digest', isDefault: false });
    const other = await t.as('admin').deliveryPreferences.set({ clientRequestId: rid(), reason: 'The board chair asked for a digest', email: 'Chair@Board.example', preference: { reminders: 'digest', escalations: 'digest' } });
    expect(other.data).toMatchObject({ email: 'chair@board.example', escalations: 'digest' });
    expect((await failure(t.as('programme_manager').deliveryPreferences.set({ clientRequestId: rid(), reason: 'Not mine to set', email: 'chair@board.example', preference: { reminders: 'immediate', escalations: 'immediate' } }))).code).toBe('FORBIDDEN');
    const bad = await failure(t.as('admin').deliveryPreferences.set({ clientRequestId: rid(), reason: 'Typo in the mode', email: 'chair@board.example', preference: { reminders: 'weekly' as never, escalations: 'digest' } }));
    expect(fieldsOf(bad)).toEqual(['preference.reminders']);
    const audit = await t.prisma.auditEvent.findMany({ where: { entity: 'delivery_preference' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.entityId, a.action, a.actorRole])).toEqual([
      ['auditor@northmoor.gov.uk', 'create', 'auditor'],
      ['chair@board.example', 'create', 'admin'],
    ]);
  });
});
