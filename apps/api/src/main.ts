/** Production API process: real PostgreSQL and Temporal, separate from the worker. */
import { createTemporalClient, ensureEmailDigestWorkflow, ensureHistoryArchiveSchedule, ensureWorkflowHealthSweepSchedule, LiveFeed } from '@ip/api';
import { createPrisma, pgLiveSource } from '@ip/db';
import { createLogger } from '@ip/logging';
import { loadApiEnv } from './env.js';
import { createApiServer } from './server.js';

const env = loadApiEnv();
const log = createLogger({ level: env.LOG_LEVEL, service: 'api' });
const prisma = createPrisma({ databaseUrl: env.DATABASE_URL });
const { client: temporal, connection } = createTemporalClient(env.TEMPORAL_ADDRESS, env.TEMPORAL_NAMESPACE);
// One LISTEN for the whole process, fanned out to every console (see packages/api/src/live-feed.ts).
const live = new LiveFeed(prisma, pgLiveSource(env.DATABASE_URL), (err) => log.warn({ err }, 'live updates: connection lost, reconnecting'));
await live.start();
const server = createApiServer({
  prisma,
  live,
  temporal,
  consoleDir: env.CONSOLE_DIR,
  allowedOrigins: env.ALLOWED_ORIGINS?.split(',').map((s) => s.trim()),
  cookieSecure: env.COOKIE_SECURE,
  trustProxyHops: env.TRUST_PROXY_HOPS,
  logger: log,
});
server.listen(env.API_PORT, env.API_HOST, () => log.info(`api: http://${env.API_HOST}:${env.API_PORT}`));
// Closed histories are archived hourly; if Temporal is down now, the next start (or the admin command) creates it.
ensureHistoryArchiveSchedule(temporal).catch((err: unknown) => log.warn({ err }, 'history archive schedule not ensured'));
ensureWorkflowHealthSweepSchedule(temporal).catch((err: unknown) => log.warn({ err }, 'workflow health sweep schedule not ensured'));
// The daily email digest runs as one workflow; each start sets its time (DIGEST_LOCAL_TIME).
ensureEmailDigestWorkflow(temporal, env.DIGEST_LOCAL_TIME).catch((err: unknown) => log.warn({ err }, 'email digest workflow not ensured'));
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    server.close();
    void live.close().then(() => connection.close()).then(() => prisma.$disconnect()).then(() => process.exit(0));
  });
}
