import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSavedView } from '@ip/domain';
import { failure, fieldsOf, rid, startRouterTest, type RouterTest } from '../test-support.js';

let t: RouterTest;
beforeAll(async () => {
  t = await startRouterTest();
});
afterAll(() => t?.close());

const redKpis: TSavedView = { resource: 'kpis', name: 'Red KPIs', params: { filter: { rag: 'red' }, sort: { field: 'name', order: 'ASC' } }, shared: false };
const create = (view: TSavedView, clientRequestId = rid()) => ({ clientRequestId, view });

describe('savedViews', () => {
  let privateId: string;
  let sharedId: string;

  it('create: the owner’s view, audited; a retry has one effect; the same name twice is a CONFLICT', async () => {
    const pm = t.as('programme_manager');
    const input = create(redKpis);
    const first = await pm.savedViews.create(input);
    expect(await pm.savedViews.create(input)).toEqual(first);
    expect(first.data).toMatchObject({ name: 'Red KPIs', mine: true, shared: false, ownerUserId: t.users.programme_manager.id, params: redKpis.params });
    privateId = first.data.id;
    sharedId = (await pm.savedViews.create(create({ ...redKpis, name: 'Board pack', shared: true }))).data.id;
    expect(await t.prisma.savedView.count()).toBe(2);
    expect(await t.prisma.auditEvent.count({ where: { entity: 'saved_view', action: 'create' } })).toBe(2);
    const dup = await failure(pm.savedViews.create(create(redKpis)));
    expect([dup.code, dup.message]).toEqual(['CONFLICT', 'view.name: you already have a view called “Red KPIs” for kpis']);
    expect(fieldsOf(await failure(pm.savedViews.create(create({ ...redKpis, resource: 'kpis; drop table' }))))).toEqual(['view.resource']);
  });

  it('getList: a user sees their own views and everyone’s shared ones', async () => {
    const names = async (role: 'programme_manager' | 'admin' | 'auditor', filter = {}) =>
      (await t.as(role).savedViews.getList({ filter })).data.map((v) => [v.name, v.mine]);
    expect(await names('programme_manager')).toEqual([['Board pack', true], ['Red KPIs', true]]);
    expect(await names('admin')).toEqual([['Board pack', false]]);
    expect(await names('auditor', { resource: 'kpis' })).toEqual([['Board pack', false]]);
    expect(await names('admin', { mine: true })).toEqual([]);
    expect(await names('programme_manager', { resource: 'risks' })).toEqual([]);
    expect((await t.as('admin').savedViews.getOne({ id: sharedId })).data.name).toBe('Board pack');
    expect((await failure(t.as('admin').savedViews.getOne({ id: privateId }))).code).toBe('NOT_FOUND');
  });

  it('update and delete: only the owner; auditors never', async () => {
    const change = { ...redKpis, name: 'Board pack (edited)', shared: true };
    expect((await failure(t.as('admin').savedViews.update({ id: sharedId, data: { clientRequestId: rid(), view: change } }))).code).toBe('FORBIDDEN');
    expect((await failure(t.as('admin').savedViews.update({ id: privateId, data: { clientRequestId: rid(), view: change } }))).code).toBe('NOT_FOUND');
    expect((await failure(t.as('admin').savedViews.delete({ id: sharedId, clientRequestId: rid() }))).code).toBe('FORBIDDEN');
    expect((await failure(t.as('auditor').savedViews.create(create({ ...redKpis, name: 'Mine' })))).code).toBe('FORBIDDEN');
    expect((await failure(t.as('auditor').savedViews.delete({ id: sharedId, clientRequestId: rid() }))).code).toBe('FORBIDDEN');
    expect(await t.prisma.savedView.count()).toBe(2);

    const updated = await t.as('programme_manager').savedViews.update({ id: sharedId, data: { clientRequestId: rid(), reason: 'Renamed for the board', view: change } });
    expect(updated.data).toMatchObject({ name: 'Board pack (edited)', shared: true });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'saved_view', action: 'update' } });
    expect([audit.reason, (audit.before as { name: string }).name, (audit.after as { name: string }).name]).toEqual(['Renamed for the board', 'Board pack', 'Board pack (edited)']);

    const deleted = await t.as('programme_manager').savedViews.delete({ id: privateId, clientRequestId: rid() });
    expect(deleted.data.name).toBe('Red KPIs');
    expect(await t.prisma.savedView.findUnique({ where: { id: privateId } })).toBeNull();
    const gone = await t.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'saved_view', action: 'delete' } });
    expect([gone.entityId, gone.after, (gone.before as { name: string }).name]).toEqual([privateId, null, 'Red KPIs']);
    expect((await failure(t.as('programme_manager').savedViews.delete({ id: privateId, clientRequestId: rid() }))).code).toBe('NOT_FOUND');
  });
});
