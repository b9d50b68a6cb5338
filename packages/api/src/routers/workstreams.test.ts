import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TWorkstream } from '@ip/domain';
import { failure, fieldsOf, PROGRAMME_ID, rid, startRouterTest, type RouterTest } from '../test-support.js';

let t: RouterTest;
beforeAll(async () => {
  t = await startRouterTest();
});
afterAll(() => t?.close());

const frontDoor: TWorkstream = { key: 'front-door', name: 'Front door and MASH', lead: { name: 'Helen Okafor', email: 'helen.okafor@northmoor.gov.uk' }, phase: 'responding', priorityNumber: 1 };
const cmd = (workstream: TWorkstream, clientRequestId = rid()) => ({ programmeId: PROGRAMME_ID, clientRequestId, reason: 'Plan agreed at the board', workstream });

describe('workstreams', () => {
  let id: string;

  it('create: stores the workstream, audits it, and a retry with the same request id has one effect', async () => {
    const input = cmd(frontDoor);
    const first = await t.as('programme_manager').workstreams.create(input);
    expect(await t.as('programme_manager').workstreams.create(input)).toEqual(first);
    expect(first.data).toMatchObject({ key: 'front-door', lead: { name: 'Helen Okafor', email: 'helen.okafor@northmoor.gov.uk' }, phase: 'responding', priorityNumber: 1 });
    id = first.data.id;
    expect(await t.prisma.workstream.count()).toBe(1);
    const audit = await t.prisma.auditEvent.findMany({ where: { entity: 'workstream', entityId: id } });
    expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([['create', t.users.programme_manager.id]]);
  });

  it('validation names the field; a duplicate key is a CONFLICT; the programme must exist', async () => {
    const pm = t.as('programme_manager');
    const bad = await failure(pm.workstreams.create(cmd({ ...frontDoor, key: 'Front Door', lead: { name: 'H', email: 'not-an-email' } })));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(fieldsOf(bad).sort()).toEqual(['workstream.key', 'workstream.lead.email']);
    const dup = await failure(pm.workstreams.create(cmd(frontDoor)));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toMatch(/already has a workstream with the key front-door/);
    const elsewhere = await failure(pm.workstreams.create({ ...cmd(frontDoor), programmeId: 'programme-E09000001-1' }));
    expect(fieldsOf(elsewhere)).toEqual(['programmeId']);
  });

  it('auditors read but cannot create or update', async () => {
    const auditor = t.as('auditor');
    expect((await auditor.workstreams.getOne({ id })).data.key).toBe('front-door');
    expect((await failure(auditor.workstreams.create(cmd({ ...frontDoor, key: 'workforce' })))).code).toBe('FORBIDDEN');
    expect((await failure(auditor.workstreams.update({ id, data: { clientRequestId: rid(), reason: 'x-ray', workstream: frontDoor } }))).code).toBe('FORBIDDEN');
    expect(await t.prisma.workstream.count()).toBe(1);
  });

  it('update: moves phase and lead, audits before and after', async () => {
    const moved = await t.as('admin').workstreams.update({
      id,
      data: { clientRequestId: rid(), reason: 'Phase 2 started', workstream: { ...frontDoor, phase: 'strengthening', lead: { name: 'Mark Ellison' } } },
    });
    expect(moved.data).toMatchObject({ phase: 'strengthening', lead: { name: 'Mark Ellison' } });
    expect(moved.data.lead).not.toHaveProperty('email');
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'workstream', action: 'update' } });
    expect([audit.actorRole, audit.reason]).toEqual(['admin', 'Phase 2 started']);
    expect(audit.before).toMatchObject({ phase: 'responding', leadName: 'Helen Okafor' });
    expect(audit.after).toMatchObject({ phase: 'strengthening', leadName: 'Mark Ellison', leadEmail: null });
  });

  it('reads: getList filters by phase and sorts by priority, getManyReference, getMany', async () => {
    const pm = t.as('programme_manager');
    await pm.workstreams.create(cmd({ key: 'workforce', name: 'Workforce', lead: { name: 'Sam Patel' }, phase: 'responding', priorityNumber: 3 }));
    await pm.workstreams.create(cmd({ key: 'care-leavers', name: 'Care leavers', lead: { name: 'Gareth Lloyd' }, phase: 'strengthening', priorityNumber: 2 }));
    const reader = t.as('auditor');
    const all = await reader.workstreams.getList({ filter: { programmeId: PROGRAMME_ID } });
    expect(all.data.map((w) => w.key)).toEqual(['front-door', 'care-leavers', 'workforce']);
    expect((await reader.workstreams.getList({ filter: { phase: 'responding' } })).data.map((w) => w.key)).toEqual(['workforce']);
    expect((await reader.workstreams.getList({ filter: { q: 'patel' } })).data.map((w) => w.key)).toEqual(['workforce']);
    const ref = await reader.workstreams.getManyReference({ target: 'programmeId', id: PROGRAMME_ID, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 2 } });
    expect([ref.total, ref.data.map((w) => w.name)]).toEqual([3, ['Care leavers', 'Front door and MASH']]);
    expect((await reader.workstreams.getMany({ ids: [id] })).data).toHaveLength(1);
    expect((await failure(reader.workstreams.getOne({ id: 'nope' }))).code).toBe('NOT_FOUND');
  });
});
