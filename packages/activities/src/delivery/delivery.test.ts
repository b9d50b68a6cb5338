import { MockActivityEnvironment } from '@temporalio/testing';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpFaultProxy } from '@ip/mail/testing';
import { createActivities } from '../index.js';
import { recordEscalationFact } from '../escalation/record.js';
import { actionStep, startRig, type Rig } from './test-rig.js';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig?.close();
});

const env = () => new MockActivityEnvironment();
async function deliveriesOf(escalationId: string) {
  return rig.prisma.emailDelivery.findMany({ where: { escalationId }, orderBy: { id: 'asc' } });
}
async function attemptsOf(deliveryId: string) {
  return (await rig.prisma.emailDeliveryAttempt.findMany({ where: { deliveryId }, orderBy: { attempt: 'asc' } })).map((a) => a.outcome);
}
async function arrivedFor(address: string) {
  return Promise.all(rig.smtp.messages().filter((m) => m.to.includes(address)).map((m) => simpleParser(m.raw)));
}
async function rejection(p: Promise<unknown>): Promise<{ message: string; type?: string; nonRetryable?: boolean }> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeTruthy();
  return err as { message: string; type?: string; nonRetryable?: boolean };
}

describe('recording an escalation plans its deliveries in the same transaction', () => {
  it('one row per recipient, derived ids; recording it again plans nothing more', async () => {
    const fact = actionStep('dfe-20');
    expect(await recordEscalationFact(rig.prisma, fact)).toEqual({ created: true });
    expect(await recordEscalationFact(rig.prisma, fact)).toEqual({ created: false });
    const rows = (await deliveriesOf(fact.id)).sort((a, b) => a.recipientRole.localeCompare(b.recipientRole));
    expect(rows.map((r) => [r.recipientRole, r.recipientEmail, r.status, r.mode])).toEqual([
      ['board_chair', 'board.chair@northmoor-board.org.uk', 'planned', 'immediate'],
      ['dfe_adviser', 'alex.adviser@education.gov.uk', 'planned', 'immediate'],
    ]);
    expect(rows[0]!.id).toBe(`${fact.id}/to/board.chair@northmoor-board.org.uk`);
  });

  it('a role nobody holds is recorded as not delivered, with the reason', async () => {
    await rig.prisma.programmePerson.deleteMany({ where: { role: 'director' } });
    const fact = actionStep('director-10');
    await recordEscalationFact(rig.prisma, fact);
    const [row] = await deliveriesOf(fact.id);
    expect(row).toMatchObject({ status: 'no_recipient', recipientRole: 'director', lastError: 'Not delivered: nobody is recorded as director of children’s services on this programme' });
    const summary = await env().run(createActivities({ prisma: rig.prisma, delivery: rig.deps() }).deliverEscalation, { escalationId: fact.id });
    expect(summary).toEqual({ sent: 0, held: 0, failed: 0, uncertain: 0, noRecipient: 1 });
    await rig.prisma.programmePerson.create({ data: { programmeId: 'programme-E09000099-1', role: 'director', name: 'Dana Okoro', email: 'dcs@northmoor.gov.uk' } });
  });
});

describe('deliverEscalation against a real SMTP server', () => {
  it('sends each recipient one email with a derived Message-ID, plain text and HTML; a second call sends nothing', async () => {
    const { deliverEscalation } = createActivities({ prisma: rig.prisma, delivery: rig.deps() });
    const fact = actionStep('red-0');
    await recordEscalationFact(rig.prisma, fact);
    const before = rig.smtp.transmissions;
    expect(await env().run(deliverEscalation, { escalationId: fact.id })).toEqual({ sent: 1, held: 0, failed: 0, uncertain: 0, noRecipient: 0 });
    expect(await env().run(deliverEscalation, { escalationId: fact.id })).toMatchObject({ sent: 1 });
    expect(rig.smtp.transmissions - before).toBe(1);

    const [row] = await deliveriesOf(fact.id);
    expect(row).toMatchObject({ status: 'sent', recipientRole: 'workstream_lead', recipientEmail: 'lee.front@northmoor.gov.uk', attempts: 1 });
    expect(row!.serverResponse).toMatch(/^250 /);
    const [mail] = await arrivedFor('lee.front@northmoor.gov.uk');
    expect(mail!.messageId).toBe(row!.messageId);
    expect(mail!.to).toMatchObject({ value: [{ address: 'lee.front@northmoor.gov.uk', name: 'Lee Front' }] });
    expect(mail!.subject).toBe('Escalation: Screen referrals within one working day at the MASH, deadline passed (Thursday 12 February 2026)');
    expect(mail!.text).toContain('Overdue: action turns red; workstream lead told.');
    expect(mail!.text).toContain('http://127.0.0.1:3000/#/actions/action-programme-E09000099-1-a1/show');
    expect(mail!.html).toContain('<h2 style="font-size:18px;margin:24px 0 8px">What to do</h2>');
    expect(mail!.headers.get('auto-submitted')).toBe('auto-generated');
    expect(await attemptsOf(row!.id)).toEqual(['accepted']);
  });

  it('an escalation without deliveries (recorded before delivery existed) is planned on the way', async () => {
    const fact = actionStep('pm-5');
    await rig.prisma.escalation.create({ data: { ...fact, fireAt: new Date(fact.fireAt), firedAt: new Date(fact.firedAt) } });
    const { deliverEscalation } = createActivities({ prisma: rig.prisma, delivery: rig.deps() });
    expect(await env().run(deliverEscalation, { escalationId: fact.id })).toMatchObject({ sent: 1 });
    expect(await arrivedFor('priya.shah@northmoor.gov.uk')).toHaveLength(1);
    const unknown = await rejection(env().run(deliverEscalation, { escalationId: 'no-such-escalation' }));
    expect(unknown).toMatchObject({ type: 'UnknownEscalation', nonRetryable: true });
  });

  it('SMTP server down: retryable failure, the reason recorded; back up: sent once', async () => {
    const { deliverEscalation } = createActivities({ prisma: rig.prisma, delivery: rig.deps() });
    const fact = actionStep('remind-5');
    await recordEscalationFact(rig.prisma, fact);
    await rig.smtp.close();
    const err = await rejection(env().run(deliverEscalation, { escalationId: fact.id }));
    expect(err.type).toBe('EmailNotYetAccepted');
    expect(err.nonRetryable).toBeFalsy();
    const [waiting] = await deliveriesOf(fact.id);
    expect(waiting).toMatchObject({ status: 'planned', attempts: 1, recipientRole: 'owner', recipientEmail: 'helen.okafor@northmoor.gov.uk' });
    expect(waiting!.lastError).toMatch(/^Attempt 1 of 5 failed, will retry: .*ECONNREFUSED/);
    await rig.restartSmtp();
    expect(await env().run(deliverEscalation, { escalationId: fact.id })).toMatchObject({ sent: 1 });
    expect(await attemptsOf(waiting!.id)).toEqual(['not_sent', 'accepted']);
    expect(await arrivedFor('helen.okafor@northmoor.gov.uk')).toHaveLength(1);
  });

  it('out of attempts: "not delivered" with the reason, and the activity completes', async () => {
    const { deliverEscalation } = createActivities({ prisma: rig.prisma, delivery: rig.deps({ maxAttempts: 2 }) });
    const fact = actionStep('remind-10');
    await recordEscalationFact(rig.prisma, fact);
    await rig.smtp.close();
    await rejection(env().run(deliverEscalation, { escalationId: fact.id }));
    expect(await env().run(deliverEscalation, { escalationId: fact.id })).toEqual({ sent: 0, held: 0, failed: 1, uncertain: 0, noRecipient: 0 });
    const [row] = await deliveriesOf(fact.id);
    expect(row!.status).toBe('failed');
    expect(row!.lastError).toMatch(/^Not delivered after 2 attempts: /);
    await rig.restartSmtp();
  });

  it('a recipient the server refuses for good is not retried', async () => {
    await rig.smtp.close();
    const strict = await (await import('@ip/mail')).startLocalSmtpServer({ port: rig.smtp.port, refuseRecipient: (a) => a.startsWith('alex.') });
    try {
      const { deliverEscalation } = createActivities({ prisma: rig.prisma, delivery: rig.deps() });
      const fact = actionStep('dfe-20');
      await recordEscalationFact(rig.prisma, fact);
      expect(await env().run(deliverEscalation, { escalationId: fact.id })).toMatchObject({ sent: 1, failed: 1 });
      const refused = (await deliveriesOf(fact.id)).find((r) => r.recipientRole === 'dfe_adviser')!;
      expect(refused).toMatchObject({ status: 'failed', attempts: 1 });
      expect(refused.lastError).toMatch(/^Not delivered: the server refused it \(550 /);
    } finally {
      await strict.close();
      await rig.restartSmtp();
    }
  });

  it('two senders at once (a retry racing a slow first attempt): one sends, the other waits; one message', async () => {
    const { deliverEscalation } = createActivities({ prisma: rig.prisma, delivery: rig.deps() });
    const fact = actionStep('red-0');
    await recordEscalationFact(rig.prisma, fact);
    const before = rig.smtp.transmissions;
    const results = await Promise.allSettled([env().run(deliverEscalation, { escalationId: fact.id }), env().run(deliverEscalation, { escalationId: fact.id })]);
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as { type?: string }).type).toBe('EmailNotYetAccepted');
    expect(await env().run(deliverEscalation, { escalationId: fact.id })).toMatchObject({ sent: 1 });
    expect(rig.smtp.transmissions - before).toBe(1);
  });
});

describe('a server that accepts and then drops the connection', () => {
  it('default (resend): sent again with the same Message-ID; our server keeps one copy', async () => {
    const proxy = await startSmtpFaultProxy({ host: rig.smtp.host, port: rig.smtp.port });
    try {
      proxy.dropNextAcceptances(1);
      const { deliverEscalation } = createActivities({ prisma: rig.prisma, delivery: rig.deps({ smtp: { port: proxy.port } }) });
      const fact = actionStep('pm-5');
      await recordEscalationFact(rig.prisma, fact);
      const before = { kept: rig.smtp.messages().length, duplicates: rig.smtp.duplicates };
      expect((await rejection(env().run(deliverEscalation, { escalationId: fact.id }))).type).toBe('EmailNotYetAccepted');
      expect(await env().run(deliverEscalation, { escalationId: fact.id })).toMatchObject({ sent: 1 });
      const [row] = await deliveriesOf(fact.id);
      expect(await attemptsOf(row!.id)).toEqual(['unknown', 'accepted']);
      expect(rig.smtp.messages().length - before.kept).toBe(1);
      expect(rig.smtp.duplicates - before.duplicates).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('SMTP_AMBIGUOUS=hold: marked uncertain for an admin, never sent twice', async () => {
    const proxy = await startSmtpFaultProxy({ host: rig.smtp.host, port: rig.smtp.port });
    try {
      proxy.dropNextAcceptances(1);
      const { deliverEscalation } = createActivities({ prisma: rig.prisma, delivery: rig.deps({ smtp: { port: proxy.port, ambiguous: 'hold' } }) });
      const fact = actionStep('pm-5');
      await recordEscalationFact(rig.prisma, fact);
      const before = rig.smtp.transmissions;
      expect(await env().run(deliverEscalation, { escalationId: fact.id })).toMatchObject({ sent: 0, uncertain: 1 });
      expect(await env().run(deliverEscalation, { escalationId: fact.id })).toMatchObject({ uncertain: 1 });
      expect(rig.smtp.transmissions - before).toBe(1);
      const [row] = await deliveriesOf(fact.id);
      expect(row!.lastError).toMatch(/may have been delivered/);
    } finally {
      await proxy.close();
    }
  });
});

describe('daily digest', () => {
  it('a person who chose the digest gets their reminders and escalations in one email; director and above still at once', async () => {
    await rig.prisma.deliveryPreference.create({ data: { email: 'priya.shah@northmoor.gov.uk', reminders: 'digest', escalations: 'digest' } });
    await rig.prisma.deliveryPreference.create({ data: { email: 'dcs@northmoor.gov.uk', reminders: 'digest', escalations: 'digest' } });
    const { deliverEscalation, sendDigests } = createActivities({ prisma: rig.prisma, delivery: rig.deps() });
    const first = actionStep('pm-5');
    const second = actionStep('pm-5');
    const director = actionStep('director-10');
    for (const f of [first, second, director]) {
      await recordEscalationFact(rig.prisma, f);
      await env().run(deliverEscalation, { escalationId: f.id });
    }
    const held = [...(await deliveriesOf(first.id)), ...(await deliveriesOf(second.id))];
    expect(held.map((r) => [r.status, r.modeReason])).toEqual([['held', 'chosen: daily digest'], ['held', 'chosen: daily digest']]);
    const [dcs] = await deliveriesOf(director.id);
    expect(dcs).toMatchObject({ status: 'sent', mode: 'immediate', modeReason: 'escalations at director level and above are always sent at once' });

    const pmBefore = (await arrivedFor('priya.shah@northmoor.gov.uk')).length;
    const slotAt = Date.parse('2030-01-08T08:00:00Z');
    expect(await env().run(sendDigests, { slotAt })).toEqual({ sent: 1, items: 2, failed: 0 });
    expect(await env().run(sendDigests, { slotAt })).toEqual({ sent: 1, items: 2, failed: 0 });
    const arrived = await arrivedFor('priya.shah@northmoor.gov.uk');
    expect(arrived.length - pmBefore).toBe(1);
    const digest = arrived.find((m) => m.subject?.startsWith('Daily digest'))!;
    expect(digest.subject).toBe('Daily digest for Tuesday 8 January 2030: 2 escalations');
    expect(digest.text).toContain('2 escalations since your last digest, as you chose to receive them once a day (at Tuesday 8 January 2030 at 08:00).');
    expect(digest.text?.match(/Overdue 5 working days: programme manager\./g)).toHaveLength(2);
    const items = [...(await deliveriesOf(first.id)), ...(await deliveriesOf(second.id))];
    expect(items.map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(new Set(items.map((r) => r.digestId))).toEqual(new Set([`digest/priya.shah@northmoor.gov.uk/${new Date(slotAt).toISOString()}`]));
    await rig.prisma.deliveryPreference.deleteMany();
  });
});
