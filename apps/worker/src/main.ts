/** Production worker process: real PostgreSQL, separate from the API. */
import { createPrisma } from '@ip/db';
import { createMailer, smtpConfigFromEnv } from '@ip/mail';
import { loadWorkerEnv } from './env.js';
import { createWorker } from './worker.js';

const env = loadWorkerEnv();
const prisma = createPrisma({ databaseUrl: env.DATABASE_URL });
const mailer = createMailer(smtpConfigFromEnv(env));
const { worker, connection } = await createWorker({
  temporalAddress: env.TEMPORAL_ADDRESS,
  namespace: env.TEMPORAL_NAMESPACE,
  prisma,
  maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
  maxConcurrentActivityTaskExecutions: env.WORKER_MAX_CONCURRENT_ACTIVITIES,
  maxConcurrentWorkflowTaskExecutions: env.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
  delivery: { mailer, consoleUrl: env.CONSOLE_URL, maxAttempts: env.DELIVERY_MAX_ATTEMPTS, leaseMs: env.DELIVERY_LEASE_MS, digestLocalTime: env.DIGEST_LOCAL_TIME },
});
console.log(`worker: polling task queue on ${env.TEMPORAL_ADDRESS} (${env.TEMPORAL_NAMESPACE}); email through ${env.SMTP_HOST}:${env.SMTP_PORT} (${env.SMTP_SECURITY})`);
try {
  await worker.run();
} finally {
  mailer.close();
  await connection.close();
  await prisma.$disconnect();
}
