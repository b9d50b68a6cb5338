/**
 * The embedded default: one process hosts the database (PGlite, an in-process PostgreSQL), the
 * Temporal worker and the API, because two processes on one PGlite data directory silently lose
 * rows. The Temporal dev server runs beside it (infra/temporal-dev.sh). Production runs the API and
 * the worker as separate processes on real PostgreSQL (apps/api, apps/worker).
 */
import { resolve } from 'node:path';
import { createTemporalClient, ensureEmailDigestWorkflow, ensureHistoryArchiveSchedule, ensureWorkflowHealthSweepSchedule, LiveFeed } from '@ip/api';
import { createApiServer } from '@ip/api-server';
import { createEmbeddedPrisma, pgliteLiveSource } from '@ip/db';
import { createLogger } from '@ip/logging';
import { DEMO_USERS, seedDemoData } from '@ip/db/seed';
import { createWorker } from '@ip/worker';
import { createMailer, smtpConfigFromEnv, startLocalSmtpServer, ZSmtpEnv } from '@ip/mail';
import { loadDevEnv } from './env.js';
import { seedDemoProgrammes } from './demo-programmes.js';

const env = loadDevEnv();
// One logger (JSON lines) for the API, the worker and the Temporal SDK in this process.
const log = createLogger({ level: env.LOG_LEVEL, service: 'dev' });
const dataDir = resolve(env.DEV_DATA_DIR, 'pglite');

const t0 = performance.now();
// Opening the embedded database applies any pending migrations (the same folder production uses).
const db = await createEmbeddedPrisma({ dataDir });
await seedDemoData(db.prisma);

const url = `http://${env.API_HOST === '0.0.0.0' ? 'localhost' : env.API_HOST}:${env.API_PORT}`;
// A real SMTP server in this process: the worker sends every email to it, it keeps each one (one
// copy per Message-ID) in DEV_DATA_DIR/mail and relays nothing, so no demo email leaves the machine.
const mailDir = resolve(env.DEV_DATA_DIR, 'mail');
const smtp = await startLocalSmtpServer({ host: '127.0.0.1', port: env.SMTP_PORT, dir: mailDir });
const mailer = createMailer({
  ...smtpConfigFromEnv(ZSmtpEnv.parse({ SMTP_PORT: String(smtp.port) })),
  from: 'Improvement programme (demo) <improvement-programme@localhost>',
});

const { worker, connection: workerConnection } = await createWorker({
  temporalAddress: env.TEMPORAL_ADDRESS,
  namespace: env.TEMPORAL_NAMESPACE,
  prisma: db.prisma,
  logger: log,
  delivery: { mailer, consoleUrl: url, maxAttempts: 12, leaseMs: 120_000, digestLocalTime: env.DIGEST_LOCAL_TIME },
});
const workerRun = worker.run();

const { client: temporal, connection } = createTemporalClient(env.TEMPORAL_ADDRESS, env.TEMPORAL_NAMESPACE);
const created = await seedDemoProgrammes(db.prisma, temporal);

// PGlite runs in this process, and so do its NOTIFYs: the same live feed as production, no polling.
const live = new LiveFeed(db.prisma, pgliteLiveSource(db.pglite), (err) => log.warn({ err }, 'live updates'));
await live.start();
const server = createApiServer({ prisma: db.prisma, temporal, live, consoleDir: resolve(env.CONSOLE_DIR), logger: log });
await new Promise<void>((ok) => server.listen(env.API_PORT, env.API_HOST, ok));
await ensureHistoryArchiveSchedule(temporal).catch((err: unknown) => log.warn({ err }, 'history archive schedule not ensured'));
await ensureEmailDigestWorkflow(temporal, env.DIGEST_LOCAL_TIME).catch((err: unknown) => log.warn({ err }, 'email digest workflow not ensured'));
await ensureWorkflowHealthSweepSchedule(temporal).catch((err: unknown) => log.warn({ err }, 'workflow health sweep schedule not ensured'));

const pm = DEMO_USERS.find((u) => u.role === 'programme_manager');
const auditor = DEMO_USERS.find((u) => u.role === 'auditor');
console.log(`
  Improvement programme is running (ready in ${((performance.now() - t0) / 1000).toFixed(1)} s${created ? `, ${created} demo programmes created` : ''})

  Console      ${url}
  API (tRPC)   ${url}/trpc
  Temporal UI  ${env.TEMPORAL_UI_URL}
  Outbox       ${url}/#/outbox  (SMTP server 127.0.0.1:${smtp.port}, keeps mail in ${mailDir}, relays nothing)

  Sign in as a programme manager:  ${pm?.email} / ${pm?.password}
  Sign in as an auditor:           ${auditor?.email} / ${auditor?.password}

  Press Ctrl-C to stop everything.
`);

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.close();
  worker.shutdown();
  await workerRun.catch(() => undefined);
  await Promise.allSettled([connection.close(), workerConnection.close(), live.close()]);
  mailer.close();
  await smtp.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
