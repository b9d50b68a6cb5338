/**
 * End-to-end test rig: a fresh PostgreSQL database with migrations and demo users, a real worker on
 * the Temporal dev server (TEMPORAL_ADDRESS, started by infra/test.sh) on a task queue of its own,
 * and the real HTTP server on a free port. Nothing is mocked.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import pino, { type Logger } from 'pino';
import type { Client } from '@temporalio/client';
import type { AppRouter } from '@ip/api';
import { createTemporalClient, LiveFeed } from '@ip/api';
import { createPrisma, pgLiveSource, type PrismaClient } from '@ip/db';
import { applyMigrations } from '@ip/db/migrate';
import { seedDemoData } from '@ip/db/seed';
import { createTempDatabase, type TempDatabase } from '@ip/db/testing';
import { createWorker } from '@ip/worker';
import type { DeliveryDeps } from '@ip/activities';
import { loadTestEnv } from './env.js';
import { createApiServer } from './server.js';

export interface Rig {
  url: string;
  /** The rig's own PostgreSQL database (for running the CLIs against it). */
  databaseUrl: string;
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  /** The Temporal namespace this rig created for itself. */
  namespace: string;
  client(): { trpc: ReturnType<typeof createTRPCClient<AppRouter>>; cookies: Map<string, string> };
  /**
   * This rig's open workflows that still have work in flight (`<workflow id>: <what>`): a workflow task (local
   * activities, i.e. projections, included) or an activity (escalations, emails), retries included.
   * Empty means each has done everything it can until its next timer: a positive signal to wait for
   * (`await vi.waitFor(async () => expect(await rig.busyWorkflows()).toEqual([]))`) instead of waiting for a quiet spell.
   */
  busyWorkflows(): Promise<string[]>;
  close(): Promise<void>;
}

async function createNamespace(address: string, namespace: string): Promise<string> {
  const { connection } = createTemporalClient(address, namespace);
  try {
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: { seconds: 86_400 as never } });
    for (let i = 0; i < 100; i++) {
      const ok = await connection.workflowService.describeNamespace({ namespace }).then(() => true, () => false);
      if (ok) return namespace;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`namespace ${namespace} did not become ready`);
  } finally {
    await connection.close().catch(() => undefined);
  }
}

export async function startRig(opts: { consoleDir?: string; logger?: Logger; delivery?: DeliveryDeps } = {}): Promise<Rig> {
  const db: TempDatabase = await createTempDatabase();
  await applyMigrations({ databaseUrl: db.url });
  const prisma = createPrisma({ databaseUrl: db.url });
  await seedDemoData(prisma);
  const address = loadTestEnv().TEMPORAL_ADDRESS;
  const taskQueue = `e2e-${randomUUID()}`;
  // A namespace per rig: workflow ids (one programme per authority per cycle) never collide
  // between test files sharing one dev server, exactly as in separate deployments.
  const namespace = await createNamespace(address, `e2e-${randomUUID().slice(0, 8)}`);
  const { worker, connection: workerConnection } = await createWorker({ temporalAddress: address, namespace, prisma, taskQueue, ...(opts.delivery ? { delivery: opts.delivery } : {}) });
  const running = worker.run();
  const { client: temporal, connection } = createTemporalClient(address, namespace);
  const live = new LiveFeed(prisma, pgLiveSource(db.url));
  await live.start();
  const server = createApiServer({ prisma, temporal, taskQueue, live, consoleDir: opts.consoleDir, logger: opts.logger ?? pino({ level: 'silent' }) });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    databaseUrl: db.url,
    prisma,
    temporal,
    taskQueue,
    namespace,
    client() {
      const cookies = new Map<string, string>();
      const trpc = createTRPCClient<AppRouter>({
        links: [
          httpBatchLink({
            url: `${url}/trpc`,
            // tRPC types `input` with a DOM type this tsconfig does not load; Node's fetch takes these.
            async fetch(input: string | URL | Request, init) {
              const headers = new Headers(init?.headers);
              headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
              headers.set('origin', url);
              const res = await fetch(input, { ...init, headers });
              for (const c of res.headers.getSetCookie()) {
                const [pair] = c.split(';');
                const [k, v] = (pair ?? '').split('=');
                if (k) cookies.set(k, v ?? '');
              }
              return res;
            },
          }),
        ],
      });
      return { trpc, cookies };
    },
    async busyWorkflows() {
      const busy: string[] = [];
      for await (const wf of temporal.workflow.list({ query: 'ExecutionStatus = "Running"' })) {
        const d = await temporal.workflow.getHandle(wf.workflowId, wf.runId).describe().catch(() => null);
        if (!d || d.status.name !== 'RUNNING') continue;
        // A running child (a programme's monitoring visit) is not work in flight: it is an open
        // workflow of its own, checked in this same loop.
        const { pendingWorkflowTask, pendingActivities } = d.raw;
        if (pendingWorkflowTask) busy.push(`${wf.workflowId}: workflow task`);
        for (const a of pendingActivities ?? []) busy.push(`${wf.workflowId}: ${a.activityType?.name ?? 'activity'} (attempt ${a.attempt ?? 1})`);
      }
      return busy;
    },
    async close() {
      server.close();
      worker.shutdown();
      await running;
      await Promise.allSettled([connection.close(), workerConnection.close(), live.close()]);
      await prisma.$disconnect();
      await db.drop();
    },
  };
}
