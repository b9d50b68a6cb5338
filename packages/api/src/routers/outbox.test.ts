import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, PROGRAMME_ID, rid, startRouterTest, type RouterTest } from '../test-support.js';

let t: RouterTest;
beforeAll(async () => {
  t = await startRouterTest();
  const base = { kind: 'escalation', programmeId: PROGRAMME_ID, subjectKind: 'action', subjectId: 'action-1', mode: 'immediate', modeReason: 'default: immediate' };
  await t.prisma.emailDelivery.createMany({
    data: [
      { ...base, id: 'esc-1/to/lee@northmoor.gov.uk', escalationId: 'esc-1', recipientEmail: 'lee@northmoor.gov.uk', recipientName: 'Lee', recipientRole: 'workstream_lead', status: 'sent', subject: 'Escalation: X', textBody: 'Plain', htmlBody: '<p>HTML</p>', attempts: 1, sentAt: new Date('2026-02-13T00:00:01Z'), serverResponse: '250 OK: kept', messageId: '<a@x>' },
      { ...base, id: 'esc-1/nobody/director', escalationId: 'esc-1', recipientEmail: '', recipientName: '', recipientRole: 'director', status: 'no_recipient', lastError: 'Not delivered: nobody is recorded as director' },
      { ...base, id: 'esc-2/to/pm@northmoor.gov.uk', escalationId: 'esc-2', recipientEmail: 'pm@northmoor.gov.uk', recipientName: 'Priya', recipientRole: 'programme_manager', status: 'failed', attempts: 12, lastError: 'Not delivered after 12 attempts: ECONNREFUSED' },
    ],
  });
  await t.prisma.emailDeliveryAttempt.create({ data: { deliveryId: 'esc-1/to/lee@northmoor.gov.uk', attempt: 1, startedAt: new Date('2026-02-13T00:00:00Z'), finishedAt: new Date('2026-02-13T00:00:01Z'), outcome: 'accepted', response: '250 OK: kept' } });
});
afterAll(() => t?.close());

describe('outbox', () => {
  it('lists deliveries with filters; one in full with its parts and attempts; everyone signed in reads', async () => {
    const list = await t.as('auditor').outbox.getList({ pagination: { page: 1, perPage: 10 }, sort: { field: 'createdAt', order: 'ASC' }, filter: { subjectId: 'action-1' } });
    expect(list.total).toBe(3);
    expect(list.data[0]).not.toHaveProperty('textBody');
    const problems = await t.as('auditor').outbox.getList({ pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: { problems: 'true' } });
    expect(problems.data.map((d) => [d.id, d.resendable])).toEqual([['esc-1/nobody/director', true], ['esc-2/to/pm@northmoor.gov.uk', true]]);
    const { data } = await t.as('programme_manager').outbox.getOne({ id: 'esc-1/to/lee@northmoor.gov.uk' });
    expect(data).toMatchObject({ status: 'sent', serverResponse: '250 OK: kept', textBody: 'Plain', htmlBody: '<p>HTML</p>', resendable: false });
    expect(data.attemptLog).toEqual([{ attempt: 1, startedAt: '2026-02-13T00:00:00.000Z', finishedAt: '2026-02-13T00:00:01.000Z', outcome: 'accepted', response: '250 OK: kept' }]);
    const by = await t.as('auditor').outbox.forEscalations({ escalationIds: ['esc-1', 'esc-2', 'esc-3'] });
    expect(Object.fromEntries(Object.entries(by.data).map(([k, v]) => [k, v.map((d) => d.status)]))).toEqual({ 'esc-1': ['no_recipient', 'sent'], 'esc-2': ['failed'] });
    expect((await failure(t.as('auditor').outbox.getList({ filter: { status: 'lost' } }))).code).toBe('BAD_REQUEST');
  });

  it('resend: admins only, only what was not delivered; Temporal unreachable changes nothing', async () => {
    expect((await failure(t.as('programme_manager').outbox.resend({ deliveryId: 'esc-2/to/pm@northmoor.gov.uk', clientRequestId: rid(), reason: 'Mail server fixed' }))).code).toBe('FORBIDDEN');
    expect((await failure(t.as('admin').outbox.resend({ deliveryId: 'nope', clientRequestId: rid(), reason: 'Mail server fixed' }))).code).toBe('NOT_FOUND');
    const sent = await failure(t.as('admin').outbox.resend({ deliveryId: 'esc-1/to/lee@northmoor.gov.uk', clientRequestId: rid(), reason: 'Lee lost it' }));
    expect(sent.code).toBe('PRECONDITION_FAILED');
    expect(sent.message).toMatch(/only one not delivered, uncertain or without a recipient/);
    // The router test's Temporal throws if touched: the workflow start is before any write.
    await t.as('admin').outbox.resend({ deliveryId: 'esc-2/to/pm@northmoor.gov.uk', clientRequestId: rid(), reason: 'Mail server fixed' }).catch(() => undefined);
    expect((await t.prisma.emailDelivery.findUniqueOrThrow({ where: { id: 'esc-2/to/pm@northmoor.gov.uk' } })).status).toBe('failed');
    expect(await t.prisma.auditEvent.count({ where: { entity: 'email_delivery' } })).toBe(0);
  });
});
