/**
 * Production worker process: real PostgreSQL, separate from the API. Built (`pnpm build`) it runs
 * as `node dist/main.js` with the workflow bundle made at build time beside it, so a start does not
 * bundle the workflows (the slowest part of a start); run from source (tsx) it bundles them itself.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from '@temporalio/worker';
import { createPrisma } from '@ip/db';
import { createLogger } from '@ip/logging';
import { createMailer, smtpConfigFromEnv } from '@ip/mail';
import { loadWorkerEnv } from './env.js';
import { startHealthServer } from './health.js';
import { createWorker } from './worker.js';

const startedAt = Date.now();
const env = loadWorkerEnv();
const log = createLogger({ level: env.LOG_LEVEL, service: 'worker' });
let worker: Worker | undefined;
let pollingSince: number | undefined;
let failure: string | undefined;
const health = env.WORKER_HEALTH_PORT
  ? await startHealthServer(env.WORKER_HEALTH_PORT, env.WORKER_HEALTH_HOST, {
    startedAt,
    state: () => (failure ? 'FAILED' : worker?.getState() ?? 'NOT_CREATED'),
    error: () => failure,
    pollingSince: () => pollingSince,
  })
  : undefined;

// Written by scripts/build.ts next to the built main.js; absent when run from source.
const bundlePath = fileURLToPath(new URL('./workflow-bundle.js', import.meta.url));
const workflowBundle = existsSync(bundlePath) ? { codePath: bundlePath } : undefined;

const prisma = createPrisma({ databaseUrl: env.DATABASE_URL });
const mailer = createMailer(smtpConfigFromEnv(env));
try {
  const created = await createWorker({
    temporalAddress: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE,
    prisma,
    logger: log,
    workflowBundle,
    maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
    maxConcurrentActivityTaskExecutions: env.WORKER_MAX_CONCURRENT_ACTIVITIES,
    maxConcurrentWorkflowTaskExecutions: env.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
    delivery: { mailer, consoleUrl: env.CONSOLE_URL, maxAttempts: env.DELIVERY_MAX_ATTEMPTS, leaseMs: env.DELIVERY_LEASE_MS, digestLocalTime: env.DIGEST_LOCAL_TIME },
  });
  worker = created.worker;
  const running = worker.run();
  pollingSince = Date.now();
  log.info(
    {
      temporalAddress: env.TEMPORAL_ADDRESS, namespace: env.TEMPORAL_NAMESPACE, startupSeconds: Number(((pollingSince - startedAt) / 1000).toFixed(2)),
      workflowBundle: workflowBundle ? 'prebuilt' : 'bundled at start', smtp: `${env.SMTP_HOST}:${env.SMTP_PORT} (${env.SMTP_SECURITY})`,
    },
    'worker: polling task queue',
  );
  try {
    await running;
  } finally {
    await created.connection.close();
  }
} catch (err) {
  failure = err instanceof Error ? err.message : String(err);
  log.fatal({ err }, 'worker stopped');
  throw err;
} finally {
  mailer.close();
  await prisma.$disconnect();
  health?.close();
}
