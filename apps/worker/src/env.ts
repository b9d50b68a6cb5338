import { z } from 'zod';
import { LOG_LEVELS } from '@ip/logging';
import { ZSmtpEnv } from '@ip/mail';

const ZWorkerEnv = z.object({
  DATABASE_URL: z.string().url('DATABASE_URL must be a postgresql:// URL'),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().positive().optional(),
  /** Activities (projection writes) run at once; keep near the Prisma pool size (10), see infra/deploy/README.md. */
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().positive().optional(),
  /** Workflow tasks (CPU-bound replays/activations) run at once. */
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(2).optional(),
  /** Port of the health endpoint (GET /health, see health.ts); unset: no endpoint. */
  WORKER_HEALTH_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** 0.0.0.0 in a container, so the kubelet's probes reach it. */
  WORKER_HEALTH_HOST: z.string().default('127.0.0.1'),
  /** The console's address as people reach it: every email links to its page there. */
  CONSOLE_URL: z.string().url('CONSOLE_URL must be the console address, e.g. https://improvement.northmoor.gov.uk').default('http://127.0.0.1:3000'),
  /** Attempts per email before it shows "not delivered" (an admin can resend). */
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  /** How long one attempt holds its email against a second sender (ms); above the SMTP timeouts. */
  DELIVERY_LEASE_MS: z.coerce.number().int().min(1000).default(120_000),
  /** The daily digest's local time (named in the digest's words; the API sets the workflow's time). */
  DIGEST_LOCAL_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'DIGEST_LOCAL_TIME: HH:MM (24-hour, Europe/London)').default('08:00'),
  /** pino's level for the worker's log (JSON lines on stdout): its own, the Temporal SDK's, workflows' and activities'. */
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
}).and(ZSmtpEnv);
export type WorkerEnv = z.infer<typeof ZWorkerEnv>;

/** The worker's configuration: the only place the worker reads process.env. */
export function loadWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  return ZWorkerEnv.parse(source);
}

const ZTestEnv = z.object({
  /** The Temporal dev server the tests run against (infra/test.sh starts one). */
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  DATABASE_URL: z.string().default('postgresql://ip:ip@127.0.0.1:5432/ip_test'),
});

/** What the worker's tests read. */
export function loadTestEnv(source: NodeJS.ProcessEnv = process.env): z.infer<typeof ZTestEnv> {
  return ZTestEnv.parse(source);
}
