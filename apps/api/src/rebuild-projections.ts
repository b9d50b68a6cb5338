/**
 * `pnpm --filter @ip/api-server rebuild-projections [-- --task-queue <queue>]`
 *
 * Rebuilds the PostgreSQL read model from Temporal (after restoring a database, or when projection
 * rows were lost): every workflow on the task queue is listed through visibility, queried and
 * re-projected. Safe to run at any time, alongside the API and the worker: projections only ever
 * move forward by stateVersion. Prints {scanned, projected, failed, failures} as JSON; exits 1 if
 * any workflow could not be re-projected (e.g. no worker is polling its task queue to answer).
 *
 * Runs what the admin procedure `projections.rebuild` runs, in-process, as an operator holding the
 * database and Temporal credentials (DATABASE_URL, TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE via env.ts).
 * Not through the procedure: the operator is not a stored user, so it has no receipts of its own.
 */
import { Client, Connection } from '@temporalio/client';
import { createContextInner, rebuildProjections, type SessionUser } from '@ip/api';
import { createPrisma } from '@ip/db';
import { loadApiEnv } from './env.js';

/** Who the rebuild runs as: not a stored user (it writes no receipts or audit rows, only projections). */
const OPERATOR: SessionUser = { id: 'cli:rebuild-projections', email: 'rebuild-projections@localhost', name: 'rebuild-projections (CLI)', role: 'admin' };

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const env = loadApiEnv();
const prisma = createPrisma({ databaseUrl: env.DATABASE_URL });
const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
try {
  const temporal = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
  const taskQueue = argValue('--task-queue');
  const ctx = createContextInner({ prisma, temporal, ...(taskQueue ? { taskQueue } : {}) }, { user: OPERATOR });
  const result = await rebuildProjections(ctx, { queryTimeoutMs: 15_000 });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exitCode = result.failed > 0 ? 1 : 0;
} finally {
  await connection.close();
  await prisma.$disconnect();
}
