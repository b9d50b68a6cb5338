import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, fieldsOf, PROGRAMME_ID, rid, startRouterTest, type RouterTest } from '../test-support.js';

let t: RouterTest;
beforeAll(async () => {
  t = await startRouterTest();
  // Escalations are facts written by the workflows' escalation activity; tests write them directly.
  const base = { workflowId: 'action-1', programmeId: PROGRAMME_ID, subjectKind: 'action', subjectId: 'action-1', subjectTitle: 'Audit the front door', ladderId: 'action' };
  await t.prisma.escalation.createMany({
    data: [
      { ...base, id: 'esc-remind', stepId: 'remind-5', kind: 'reminder', level: 'owner', label: 'Reminder: due in 5 working days', dueOn: '2026-02-02', fireAt: new Date('2026-01-26T09:00:00Z'), firedAt: new Date('2026-01-26T09:00:01Z') },
      { ...base, id: 'esc-red', stepId: 'red-0', kind: 'escalation', level: 'workstream_lead', label: 'Overdue: workstream lead told', dueOn: '2026-02-02', fireAt: new Date('2026-02-02T23:59:00Z'), firedAt: new Date('2026-02-02T23:59:01Z') },
      { ...base, id: 'esc-ir', workflowId: 'ir-1', subjectKind: 'information_request', subjectId: 'ir-1', subjectTitle: 'Churn explanation for scrutiny', ladderId: 'info', stepId: 'overdue-0', kind: 'escalation', level: 'committee_chair', label: 'Overdue: committee chair told', dueOn: '2026-04-15', fireAt: new Date('2026-04-15T23:59:00Z'), firedAt: new Date('2026-04-15T23:59:02Z') },
      { ...base, id: 'esc-other', programmeId: 'programme-E08000099-1', stepId: 'remind-10', kind: 'reminder', level: 'owner', label: 'Reminder', dueOn: '2026-03-01', fireAt: new Date('2026-02-15T09:00:00Z'), firedAt: new Date('2026-02-15T09:00:00Z') },
    ],
  });
});
afterAll(() => t?.close());

const ack = (escalationId: string) => ({ escalationId, clientRequestId: rid(), reason: 'Seen; chasing the owner' });

describe('escalations', () => {
  it('getList: filters by programme, acknowledged, level, kind, subject kind and text; sorts by firedAt, fireAt, dueOn', async () => {
    const reader = t.as('auditor');
    const ids = async (filter: Record<string, unknown>, sort = { field: 'firedAt', order: 'DESC' as const }) =>
      (await reader.escalations.getList({ filter, sort })).data.map((e) => e.id);
    expect(await ids({ programmeId: PROGRAMME_ID })).toEqual(['esc-ir', 'esc-red', 'esc-remind']);
    expect(await ids({ programmeId: PROGRAMME_ID }, { field: 'dueOn', order: 'DESC' })).toEqual(['esc-ir', 'esc-red', 'esc-remind']);
    expect(await ids({}, { field: 'fireAt', order: 'ASC' } as never)).toEqual(['esc-remind', 'esc-red', 'esc-other', 'esc-ir']);
    expect(await ids({ level: 'owner' })).toEqual(['esc-other', 'esc-remind']);
    expect(await ids({ kind: 'escalation' })).toEqual(['esc-ir', 'esc-red']);
    expect(await ids({ subjectKind: 'information_request' })).toEqual(['esc-ir']);
    expect(await ids({ q: 'churn' })).toEqual(['esc-ir']);
    expect(await ids({ acknowledged: true })).toEqual([]);
    expect(await ids({ acknowledged: 'false', programmeId: PROGRAMME_ID })).toHaveLength(3);
    expect(fieldsOf(await failure(reader.escalations.getList({ filter: { level: 'the_queen' } })))).toEqual(['filter.level']);
    const page = await reader.escalations.getList({ pagination: { page: 2, perPage: 3 } });
    expect([page.total, page.data.length]).toEqual([4, 1]);
  });

  it('getOne, getMany, getManyReference', async () => {
    const reader = t.as('auditor');
    expect((await reader.escalations.getOne({ id: 'esc-red' })).data).toMatchObject({
      level: 'workstream_lead', acknowledged: false, acknowledgedAt: null, fireAt: '2026-02-02T23:59:00.000Z',
    });
    expect((await failure(reader.escalations.getOne({ id: 'nope' }))).code).toBe('NOT_FOUND');
    expect((await reader.escalations.getMany({ ids: ['esc-red', 'esc-ir'] })).data.map((e) => e.id).sort()).toEqual(['esc-ir', 'esc-red']);
    expect((await reader.escalations.getManyReference({ target: 'subjectId', id: 'ir-1' })).data.map((e) => e.id)).toEqual(['esc-ir']);
  });

  it('acknowledge: records who and when once, audited; acknowledging again is a no-op returning the same record', async () => {
    const first = await t.as('programme_manager').escalations.acknowledge(ack('esc-red'));
    expect(first.data).toMatchObject({ id: 'esc-red', acknowledged: true, acknowledgedBy: t.users.programme_manager.id, acknowledgedByName: t.users.programme_manager.name });
    expect(first.data.acknowledgedAt).toEqual(expect.any(String));
    const again = await t.as('admin').escalations.acknowledge(ack('esc-red'));
    expect(again).toEqual(first);
    const audit = await t.prisma.auditEvent.findMany({ where: { entity: 'escalation', entityId: 'esc-red' } });
    expect(audit.map((a) => [a.action, a.actorRole, a.reason])).toEqual([['acknowledge', 'programme_manager', 'Seen; chasing the owner']]);
    expect(audit[0]?.before).toMatchObject({ acknowledgedAt: null });
    expect(audit[0]?.after).toMatchObject({ acknowledgedBy: t.users.programme_manager.id });
    const acknowledged = await t.as('auditor').escalations.getList({ filter: { acknowledged: true } });
    expect(acknowledged.data.map((e) => [e.id, e.acknowledgedByName])).toEqual([['esc-red', t.users.programme_manager.name]]);
  });

  it('acknowledge: concurrent acknowledgements record one', async () => {
    const results = await Promise.all([t.as('programme_manager'), t.as('admin')].map((c) => c.escalations.acknowledge(ack('esc-ir'))));
    expect(results[0]?.data.acknowledgedAt).toBe(results[1]?.data.acknowledgedAt);
    expect(await t.prisma.auditEvent.count({ where: { entity: 'escalation', entityId: 'esc-ir' } })).toBe(1);
  });

  it('acknowledge: auditors are refused; an unknown id is NOT_FOUND; a missing id names the field', async () => {
    expect((await failure(t.as('auditor').escalations.acknowledge(ack('esc-remind')))).code).toBe('FORBIDDEN');
    expect((await t.prisma.escalation.findUniqueOrThrow({ where: { id: 'esc-remind' } })).acknowledgedAt).toBeNull();
    expect((await failure(t.as('programme_manager').escalations.acknowledge(ack('nope')))).code).toBe('NOT_FOUND');
    expect(fieldsOf(await failure(t.as('programme_manager').escalations.acknowledge(ack(' '))))).toEqual(['escalationId']);
  });
});
