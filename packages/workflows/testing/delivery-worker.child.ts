/**
 * Test support (never imported by workflow code): a real worker process with the real activities,
 * for tests that kill it with SIGKILL mid-send. Configured by its environment, set by the test.
 */
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { z } from 'zod';
import { createActivities } from '@ip/activities';
import { createPrisma } from '@ip/db';
import { createLogger, temporalLogger } from '@ip/logging';
import { createMailer, smtpConfigFromEnv, ZSmtpEnv } from '@ip/mail';
import { workflowsPath } from '../src/index.js';

const env = z
  .object({
    DATABASE_URL: z.string().url(),
    TEMPORAL_ADDRESS: z.string().min(1),
    TASK_QUEUE: z.string().min(1),
    DELIVERY_LEASE_MS: z.coerce.number().int().positive(),
  })
  .and(ZSmtpEnv)
  .parse(process.env);

const log = createLogger({ level: 'info', service: 'worker-child' });
Runtime.install({ logger: temporalLogger(log) });
const prisma = createPrisma({ databaseUrl: env.DATABASE_URL });
const mailer = createMailer({ ...smtpConfigFromEnv(env), timeouts: { connection: 2000, greeting: 2000, socket: 60_000 } });
const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
const worker = await Worker.create({
  connection,
  taskQueue: env.TASK_QUEUE,
  workflowsPath,
  activities: createActivities({ prisma, delivery: { mailer, consoleUrl: 'http://127.0.0.1:3000', maxAttempts: 5, leaseMs: env.DELIVERY_LEASE_MS } }),
});
// The parent test waits for this line on stdout.
log.info({ taskQueue: env.TASK_QUEUE }, 'worker-child: polling');
await worker.run();
