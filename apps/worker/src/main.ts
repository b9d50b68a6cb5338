/** Production worker process: real PostgreSQL, separate from the API. */
import { createPrisma } from '@ip/db';
import { loadWorkerEnv } from './env.js';
import { createWorker } from './worker.js';

const env = loadWorkerEnv();
const prisma = createPrisma({ databaseUrl: env.DATABASE_URL });
const { worker, connection } = await createWorker({
  temporalAddress: env.TEMPORAL_ADDRESS,
  namespace: env.TEMPORAL_NAMESPACE,
  prisma,
  maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
  maxConcurrentActivityTaskExecutions: env.WORKER_MAX_CONCURRENT_ACTIVITIES,
  maxConcurrentWorkflowTaskExecutions: env.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
});
console.log(`worker: polling task queue on ${env.TEMPORAL_ADDRESS} (${env.TEMPORAL_NAMESPACE})`);
try {
  await worker.run();
} finally {
  await connection.close();
  await prisma.$disconnect();
}
