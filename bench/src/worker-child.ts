/**
 * A worker in a child process, so its memory is measured alone: `ours` is exactly what
 * apps/worker/src/main.ts runs (createWorker from @ip/worker); `bare` runs the floor's workflows.
 * On the IPC message 'rss' it collects garbage and replies with its resident set size.
 * Env: WORKER_KIND=ours|bare, DATABASE_URL, TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TASK_QUEUE (bare).
 */
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createPrisma } from '@ip/db';
import { createWorker } from '@ip/worker';
import { BENCH_FIRED_SQL, createBareActivities } from './bare/activities.js';

const env = process.env;
const kind = env.WORKER_KIND ?? 'bare';
const address = env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const namespace = env.TEMPORAL_NAMESPACE ?? 'default';

process.on('message', (m) => {
  if (m !== 'rss') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  setTimeout(() => {
    gc?.();
    process.send?.({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed });
  }, 1000);
});

let worker: Worker;
if (kind === 'ours') {
  const prisma = createPrisma({ databaseUrl: env.DATABASE_URL! });
  ({ worker } = await createWorker({ temporalAddress: address, namespace, prisma, ...(env.TASK_QUEUE ? { taskQueue: env.TASK_QUEUE } : {}) }));
} else {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL! });
  await pool.query(BENCH_FIRED_SQL);
  worker = await Worker.create({
    connection: await NativeConnection.connect({ address }),
    namespace,
    taskQueue: env.TASK_QUEUE ?? 'bench-bare',
    workflowsPath: fileURLToPath(new URL('./bare/workflows.ts', import.meta.url)),
    activities: createBareActivities(pool),
  });
}
console.log(`${kind} worker: polling`);
await worker.run();
