/**
 * A worker killed mid-send (SIGKILL, after the SMTP server has kept the message and before its 250
 * reached the worker), on the real Temporal dev server (TEMPORAL_ADDRESS, started by infra/test.sh),
 * real PostgreSQL and a real SMTP server. Temporal notices the dead worker by its missed heartbeats
 * and retries the activity on a new worker; the delivery's lease has run out, its outcome is
 * unknown, so it is sent again with the same Message-ID, and the server keeps one copy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actionStep, recordEscalationFact, startRig, type Rig } from '@ip/activities/testing';
import { startLocalSmtpServer, type LocalSmtpServer } from '@ip/mail';
import type { DeliverySummary } from '@ip/activities';
import { deliverEscalationWorkflowId } from './definitions.js';

const TEMPORAL_ADDRESS = process.env.TEMPORAL_ADDRESS;
const LEAD = 'lee.front@northmoor.gov.uk';
const taskQueue = `killed-worker-${randomUUID()}`;
let rig: Rig;
let smtp: LocalSmtpServer;
let release: () => void = () => undefined;
let held = new Promise<void>((ok) => (release = ok));
let holding = true;
let connection: Connection;
const children: ChildProcess[] = [];

function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../testing/delivery-worker.child.ts', import.meta.url))], {
    env: {
      ...process.env, DATABASE_URL: rig.db.url, TEMPORAL_ADDRESS, TASK_QUEUE: taskQueue,
      SMTP_PORT: String(smtp.port), DELIVERY_LEASE_MS: '3000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((ok, fail) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('worker-child: polling')) ok(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(new Error(`worker child exited (${code}) before polling:\n${output}`)));
  });
}

beforeAll(async () => {
  if (!TEMPORAL_ADDRESS) throw new Error('TEMPORAL_ADDRESS is not set: run through infra/test.sh, which starts a Temporal dev server');
  rig = await startRig();
  // The first message is kept and then not answered until released: the sender is killed meanwhile.
  smtp = await startLocalSmtpServer({ beforeAnswer: () => (holding ? held : Promise.resolve()) });
  connection = await Connection.connect({ address: TEMPORAL_ADDRESS });
}, 120_000);
afterAll(async () => {
  release();
  for (const c of children) c.kill('SIGKILL');
  await connection?.close();
  await smtp?.close();
  await rig?.close();
});

describe('a worker killed mid-send', () => {
  it('the retry on a new worker resends with the same Message-ID; exactly one message is kept, the record says so', async () => {
    const fact = actionStep('red-0');
    await recordEscalationFact(rig.prisma, fact);
    const first = await startWorker();
    const client = new Client({ connection, namespace: 'default' });
    const handle = await client.workflow.start('deliverEscalationWorkflow', { workflowId: deliverEscalationWorkflowId(fact.id), taskQueue, args: [{ escalationId: fact.id }] });

    await vi.waitFor(() => expect(smtp.messages().filter((m) => m.to.includes(LEAD))).toHaveLength(1), { timeout: 60_000, interval: 50 });
    first.kill('SIGKILL');
    await new Promise((ok) => first.once('exit', ok));
    const inFlight = await rig.prisma.emailDelivery.findFirstOrThrow({ where: { escalationId: fact.id } });
    expect(inFlight).toMatchObject({ status: 'sending', attempts: 1 });
    holding = false;
    release();
    held = Promise.resolve();

    await startWorker();
    const summary = (await handle.result()) as DeliverySummary;
    expect(summary).toEqual({ sent: 1, held: 0, failed: 0, uncertain: 0, noRecipient: 0 });
    const row = await rig.prisma.emailDelivery.findFirstOrThrow({ where: { escalationId: fact.id } });
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    const attempts = await rig.prisma.emailDeliveryAttempt.findMany({ where: { deliveryId: row.id }, orderBy: { attempt: 'asc' } });
    expect(attempts.map((a) => a.outcome)).toEqual(['unknown', 'accepted']);
    expect(attempts[0]!.response).toMatch(/sender died.*sent again with the same Message-ID/);
    const kept = smtp.messages().filter((m) => m.to.includes(LEAD));
    expect(kept).toHaveLength(1);
    expect((await simpleParser(kept[0]!.raw)).messageId).toBe(row.messageId);
    expect({ transmissions: smtp.transmissions, duplicates: smtp.duplicates }).toEqual({ transmissions: 2, duplicates: 1 });
  }, 180_000);
});
