/**
 * The daily digest on the real time-skipping Temporal server, with the real activities on real
 * PostgreSQL and a real SMTP server: a person who switched to the digest gets their next messages
 * grouped into one email at the set time, on the next working day.
 */
import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createActivities } from '@ip/activities';
import { actionStep, recordEscalationFact, startRig, type Rig } from '@ip/activities/testing';
import { defaultCalendar, londonDateOf, londonOffsetMinutes } from '@ip/domain';
import { createTestWorker, createTimeSkippingEnv } from '../../testing/env.js';
import { SET_DIGEST_TIME_SIGNAL, type EmailDigestWorkflowArgs } from './definitions.js';

const cal = defaultCalendar();
const OWNER = 'helen.okafor@northmoor.gov.uk';
let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
let rig: Rig;
const taskQueue = `digest-${randomUUID()}`;

beforeAll(async () => {
  rig = await startRig();
  env = await createTimeSkippingEnv();
  worker = await createTestWorker(env, createActivities({ prisma: rig.prisma, delivery: rig.deps() }), taskQueue);
  running = worker.run();
});
afterAll(async () => {
  worker?.shutdown();
  await running?.catch(() => undefined);
  await env?.teardown();
  await rig?.close();
});

/** London wall-clock time of an instant, "HH:MM". */
function londonTime(ms: number): string {
  const local = new Date(ms + londonOffsetMinutes(ms) * 60_000);
  return `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
}

/** Records a reminder to the owner and runs its delivery on the server, as the action workflow will. */
async function remindOwner(): Promise<string> {
  const fact = actionStep('remind-5');
  await recordEscalationFact(rig.prisma, fact);
  const handle = await env.client.workflow.start('deliverEscalationWorkflow', { workflowId: `deliver-${randomUUID()}`, taskQueue, args: [{ escalationId: fact.id }] });
  // Not handle.result(): the test client unlocks time skipping while it waits (see closedResult).
  await vi.waitFor(async () => expect((await handle.describe()).status.name).toBe('COMPLETED'), { timeout: 20_000 });
  return fact.id;
}

async function digestsTo(email: string) {
  return rig.prisma.emailDelivery.findMany({ where: { kind: 'digest', recipientEmail: email }, orderBy: { id: 'asc' } });
}

describe('emailDigestWorkflow on the time-skipping server', () => {
  it('groups a person’s next reminders into one email at the set time on the next working day; a new time moves the next one', async () => {
    await rig.prisma.deliveryPreference.create({ data: { email: OWNER, reminders: 'digest', escalations: 'immediate' } });
    const started = await env.currentTimeMs();
    const first = [await remindOwner(), await remindOwner(), await remindOwner()];
    const held = await rig.prisma.emailDelivery.findMany({ where: { escalationId: { in: first } } });
    expect(held.map((h) => h.status)).toEqual(['held', 'held', 'held']);
    expect(rig.smtp.messages().filter((m) => m.to.includes(OWNER))).toHaveLength(0);

    const args: EmailDigestWorkflowArgs = { localTime: '08:00' };
    const handle = await env.client.workflow.start('emailDigestWorkflow', { workflowId: `email-digest-${randomUUID()}`, taskQueue, args: [args] });
    // A week of server time: at most one digest can carry these three, however many slots pass.
    await env.sleep('7 days');
    await vi.waitFor(async () => expect((await digestsTo(OWNER)).map((d) => d.status)).toEqual(['sent']), { timeout: 20_000 });
    const [digest] = await digestsTo(OWNER);
    const slot = Date.parse(digest!.id.slice(digest!.id.lastIndexOf('/') + 1));
    // At 08:00 London on a working day, and the first such moment after the reminders were held.
    expect(londonTime(slot)).toBe('08:00');
    expect(cal.isWorkingDay(londonDateOf(slot))).toBe(true);
    const startDay = londonDateOf(started);
    const sameDay = londonDateOf(slot) === startDay;
    expect(sameDay ? londonTime(started) < '08:00' && cal.isWorkingDay(startDay) : cal.workingDaysBetween(startDay, londonDateOf(slot)) === 1).toBe(true);

    const mails = await Promise.all(rig.smtp.messages().filter((m) => m.to.includes(OWNER)).map((m) => simpleParser(m.raw)));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^Daily digest for \w+day \d{1,2} \w+ \d{4}: 3 reminders$/);
    expect(mails[0]!.text?.match(/Reminder to the owner: due in 5 working days\./g)).toHaveLength(3);
    expect(mails[0]!.html).toContain('<h2 style="font-size:18px;margin:24px 0 8px">1. What happened</h2>');
    expect((await rig.prisma.emailDelivery.findMany({ where: { escalationId: { in: first } } })).map((d) => [d.status, d.digestId])).toEqual(
      first.map(() => ['sent', digest!.id]),
    );

    // Move the digest to 17:30; the next reminder waits for the next 17:30 on a working day.
    await handle.signal(SET_DIGEST_TIME_SIGNAL, { localTime: '17:30' });
    const later = await remindOwner();
    await env.sleep('7 days');
    await vi.waitFor(async () => expect(await digestsTo(OWNER)).toHaveLength(2), { timeout: 20_000 });
    const second = (await digestsTo(OWNER)).find((d) => d.id !== digest!.id)!;
    const slot2 = Date.parse(second.id.slice(second.id.lastIndexOf('/') + 1));
    expect(londonTime(slot2)).toBe('17:30');
    expect(cal.isWorkingDay(londonDateOf(slot2))).toBe(true);
    expect((await rig.prisma.emailDelivery.findFirstOrThrow({ where: { escalationId: later } })).digestId).toBe(second.id);
    expect(rig.smtp.messages().filter((m) => m.to.includes(OWNER))).toHaveLength(2);
    await handle.terminate('test finished');
  });
});
