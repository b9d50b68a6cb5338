/**
 * Figure 9 (issue 15): email deliveries per second for a burst of escalations, against raw
 * nodemailer sends of the same messages to the same SMTP server in the same run.
 *
 * - ours: N escalations recorded (each plans its delivery in the escalation's own transaction), then
 *   N deliverEscalationWorkflow runs on the Temporal dev server, a worker in this process running
 *   the real deliverEscalation activity (claim under a lease, attempt log, send, record the answer);
 *   timed from the first start to the last delivery recorded as sent.
 * - direct: the same activity function called directly (no Temporal) for another N, to show how
 *   much of the gap is Temporal's and how much the delivery record's.
 * - raw: the N messages ours sent (same sizes), sent again with nodemailer alone (same pool of 5
 *   connections, same concurrency) to the same in-process SMTP server.
 * deliveryRatio = ours per second / raw per second.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createActivities, deliverEscalation, type DeliveryDeps } from '@ip/activities';
import { createPrisma } from '@ip/db';
import { applyMigrations } from '@ip/db/migrate';
import { createTempDatabase } from '@ip/db/testing';
import { DEFAULT_ACTION_LADDER, defaultCalendar, scheduleLadder } from '@ip/domain';
import { createMailer, messageIdFor, smtpConfigFromEnv, startLocalSmtpServer, ZSmtpEnv } from '@ip/mail';
import { deliverEscalationWorkflowId, workflowsPath } from '@ip/workflows';
import { recordEscalationFact } from '@ip/activities/testing';
import { runConcurrently } from './stack.js';

const PROGRAMME = 'programme-E09000099-1';
const CONCURRENCY = 20;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** runConcurrently, failing the figure on the first error rather than timing a partial burst. */
async function all(count: number, concurrency: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  const { errors } = await runConcurrently(count, concurrency, fn);
  if (errors.length) throw new Error(`${errors.length} of ${count} failed, first: ${errors[0]}`);
}

export async function benchDelivery(opts: { address: string; n: number; log: (m: string) => void }) {
  const db = await createTempDatabase();
  await applyMigrations({ databaseUrl: db.url });
  const prisma = createPrisma({ databaseUrl: db.url });
  const smtp = await startLocalSmtpServer();
  const config = { ...smtpConfigFromEnv(ZSmtpEnv.parse({ SMTP_PORT: String(smtp.port) })) };
  const mailer = createMailer(config);
  const rawMailer = createMailer(config);
  const deps: DeliveryDeps = { mailer, consoleUrl: 'http://127.0.0.1:3000', maxAttempts: 12, leaseMs: 120_000 };
  const taskQueue = `bench-delivery-${randomUUID()}`;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  let connection: Connection | undefined;
  let nativeConnection: NativeConnection | undefined;
  try {
    await prisma.programmePerson.create({ data: { programmeId: PROGRAMME, role: 'programme_manager', name: 'Priya Shah', email: 'pm@northmoor.gov.uk' } });
    const step = scheduleLadder(DEFAULT_ACTION_LADDER, '2026-02-12', defaultCalendar()).find((s) => s.step.id === 'pm-5')!;
    const record = async (batch: string, i: number) => {
      const id = `action-${batch}-${i}/action-default/pm-5/b1`;
      await recordEscalationFact(prisma, {
        id, workflowId: `action-${batch}-${i}`, programmeId: PROGRAMME, subjectKind: 'action', subjectId: `action-${batch}-${i}`,
        subjectTitle: `Bench action ${i}`, ladderId: 'action-default', stepId: 'pm-5', kind: 'escalation', level: 'programme_manager',
        label: step.step.label, dueOn: '2026-02-12', fireAt: step.fireAt, firedAt: step.fireAt,
      });
      return id;
    };
    opts.log(`recording ${opts.n} escalations (deliveries planned in the same transaction)...`);
    const t0 = performance.now();
    await all(opts.n, 10, (i) => record('t', i));
    const recordSeconds = (performance.now() - t0) / 1000;
    const temporalIds = Array.from({ length: opts.n }, (_, i) => `action-t-${i}/action-default/pm-5/b1`);

    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // Another figure's worker installed the runtime already.
    }
    nativeConnection = await NativeConnection.connect({ address: opts.address });
    worker = await Worker.create({ connection: nativeConnection, namespace: 'default', taskQueue, workflowsPath, activities: createActivities({ prisma, delivery: deps }) });
    running = worker.run();
    connection = await Connection.connect({ address: opts.address });
    const client = new Client({ connection, namespace: 'default' });
    opts.log(`delivering ${opts.n} through deliverEscalationWorkflow...`);
    const tOurs = performance.now();
    await all(opts.n, CONCURRENCY, (i) =>
      client.workflow.start('deliverEscalationWorkflow', { workflowId: `${deliverEscalationWorkflowId(temporalIds[i]!)}-${taskQueue}`, taskQueue, args: [{ escalationId: temporalIds[i]! }] }));
    for (;;) {
      const sent = await prisma.emailDelivery.count({ where: { status: 'sent', escalationId: { startsWith: 'action-t-' } } });
      if (sent >= opts.n) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const oursSeconds = (performance.now() - tOurs) / 1000;

    opts.log(`delivering ${opts.n} more by calling the activity directly...`);
    await all(opts.n, 10, (i) => record('d', i));
    const tDirect = performance.now();
    await all(opts.n, CONCURRENCY, (i) => deliverEscalation(prisma, deps, { escalationId: `action-d-${i}/action-default/pm-5/b1` }));
    const directSeconds = (performance.now() - tDirect) / 1000;

    opts.log(`sending the same ${opts.n} messages with nodemailer alone...`);
    const sentRows = await prisma.emailDelivery.findMany({ where: { escalationId: { startsWith: 'action-t-' } }, select: { id: true, recipientName: true, recipientEmail: true, subject: true, textBody: true, htmlBody: true } });
    const tRaw = performance.now();
    await all(sentRows.length, CONCURRENCY, (i) => {
      const r = sentRows[i]!;
      return rawMailer.send({ to: { name: r.recipientName, address: r.recipientEmail }, subject: r.subject ?? '', text: r.textBody ?? '', html: r.htmlBody ?? '', messageId: messageIdFor(`raw/${r.id}`, config.messageIdDomain) });
    });
    const rawSeconds = (performance.now() - tRaw) / 1000;
    const per = (s: number) => round(opts.n / s, 1);
    return {
      n: opts.n,
      concurrency: CONCURRENCY,
      recordPerSecond: per(recordSeconds),
      ours: { seconds: round(oursSeconds, 2), perSecond: per(oursSeconds) },
      direct: { seconds: round(directSeconds, 2), perSecond: per(directSeconds) },
      raw: { seconds: round(rawSeconds, 2), perSecond: per(rawSeconds) },
      deliveryRatio: round(per(oursSeconds) / per(rawSeconds), 3),
      directRatio: round(per(directSeconds) / per(rawSeconds), 3),
      keptAtServer: smtp.messages().length,
      duplicatesAbsorbed: smtp.duplicates,
    };
  } finally {
    worker?.shutdown();
    await running?.catch(() => undefined);
    await nativeConnection?.close().catch(() => undefined);
    await connection?.close().catch(() => undefined);
    mailer.close();
    rawMailer.close();
    await smtp.close();
    await prisma.$disconnect();
    await db.drop();
  }
}
