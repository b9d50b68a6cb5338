/**
 * An admin resends an email the SMTP server refused, end to end: the real HTTP API, a real worker
 * on the Temporal dev server, real PostgreSQL and a real SMTP server. The resend runs as a workflow
 * (one per request id), the email arrives once, and the audit trail records who resent it and why.
 */
import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordEscalationFact } from '@ip/activities/testing';
import { DEMO_PASSWORD } from '@ip/db/seed';
import { createMailer, smtpConfigFromEnv, startLocalSmtpServer, ZSmtpEnv, type LocalSmtpServer, type Mailer } from '@ip/mail';
import { deliverEscalationWorkflowId } from '@ip/workflows/definitions';
import { startRig, type Rig } from './testing.js';

const DCS = 'dana.okoro@northmoor.gov.uk';
let refuse = true;
let smtp: LocalSmtpServer;
let mailer: Mailer;
let rig: Rig;

beforeAll(async () => {
  smtp = await startLocalSmtpServer({ refuseRecipient: (a) => refuse && a === DCS });
  mailer = createMailer({ ...smtpConfigFromEnv(ZSmtpEnv.parse({ SMTP_PORT: String(smtp.port) })), timeouts: { connection: 2000, greeting: 2000, socket: 5000 } });
  rig = await startRig({ delivery: { mailer, consoleUrl: 'http://127.0.0.1:3000', maxAttempts: 3, leaseMs: 10_000 } });
}, 120_000);
afterAll(async () => {
  await rig?.close();
  mailer?.close();
  await smtp?.close();
});

describe('outbox over HTTP', () => {
  it('a refused email shows "not delivered"; an admin resends it; it arrives once; the resend is audited', async () => {
    const programmeId = 'programme-E09000099-1';
    await rig.prisma.programmePerson.create({ data: { programmeId, role: 'director', name: 'Dana Okoro', email: DCS } });
    const id = `programme-E09000099-1/plan-milestones/missed-scrutiny/b${randomUUID()}`;
    const at = Date.parse('2026-01-07T09:00:00Z');
    await recordEscalationFact(rig.prisma, {
      id, workflowId: programmeId, programmeId, subjectKind: 'programme', subjectId: programmeId, subjectTitle: 'Northmoor improvement programme',
      ladderId: 'plan-milestones', stepId: 'missed-scrutiny', kind: 'escalation', level: 'director', label: 'Scrutiny milestone missed: DCS told',
      dueOn: '2026-01-02', fireAt: at, firedAt: at,
    });
    const first = await rig.temporal.workflow.execute('deliverEscalationWorkflow', { workflowId: deliverEscalationWorkflowId(id), taskQueue: rig.taskQueue, args: [{ escalationId: id }] });
    expect(first).toMatchObject({ sent: 0, failed: 1 });

    const { trpc } = rig.client();
    await trpc.auth.login.mutate({ email: 'admin@northmoor.gov.uk', password: DEMO_PASSWORD });
    const [failed] = (await trpc.outbox.getList.query({ filter: { escalationId: id } })).data;
    expect(failed).toMatchObject({ status: 'failed', resendable: true, recipientEmail: DCS });
    expect(failed!.lastError).toMatch(/^Not delivered: the server refused it \(550 /);

    refuse = false;
    const request = { deliveryId: failed!.id, clientRequestId: `req-${randomUUID()}`, reason: 'Mailbox restored by IT' };
    const resent = await trpc.outbox.resend.mutate(request);
    expect(resent.data).toMatchObject({ status: 'planned' });
    expect(await trpc.outbox.resend.mutate(request)).toEqual(resent);

    await vi.waitFor(async () => expect((await trpc.outbox.getOne.query({ id: failed!.id })).data.status).toBe('sent'), { timeout: 60_000, interval: 500 });
    const done = (await trpc.outbox.getOne.query({ id: failed!.id })).data;
    expect(done.attemptLog.map((a) => a.outcome)).toEqual(['refused', 'accepted']);
    const kept = smtp.messages().filter((m) => m.to.includes(DCS));
    expect(kept).toHaveLength(1);
    const mail = await simpleParser(kept[0]!.raw);
    expect(mail.subject).toBe('Escalation: Northmoor improvement programme, overdue since Friday 2 January 2026 (3 working days)');
    expect(mail.text).toContain('You receive this as the director of children’s services.');
    const audit = await rig.prisma.auditEvent.findMany({ where: { entity: 'email_delivery', entityId: failed!.id } });
    expect(audit.map((a) => [a.action, a.actorRole, a.reason])).toEqual([['resend', 'admin', 'Mailbox restored by IT']]);
  }, 120_000);
});
