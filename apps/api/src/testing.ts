/**
 * End-to-end test rig: a fresh PostgreSQL database with migrations and demo users, a real worker on
 * the Temporal dev server (TEMPORAL_ADDRESS, started by infra/test.sh) on a task queue of its own,
 * and the real HTTP server on a free port. Nothing is mocked.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import pino from 'pino';
import type { Client } from '@temporalio/client';
import type { AppRouter } from '@ip/api';
import { createTemporalClient } from '@ip/api';
import { createPrisma, type PrismaClient } from '@ip/db';
import { applyMigrations } from '@ip/db/migrate';
import { seedDemoData } from '@ip/db/seed';
import { createTempDatabase, type TempDatabase } from '@ip/db/testing';
import { createWorker } from '@ip/worker';
import { createApiServer } from './server.js';

export interface Rig {
  url: string;
  /** The rig's own PostgreSQL database (for running the CLIs against it). */
  databaseUrl: string;
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  client(): { trpc: ReturnType<typeof createTRPCClient<AppRouter>>; cookies: Map<string, string> };
  close(): Promise<void>;
}

export async function startRig(opts: { consoleDir?: string } = {}): Promise<Rig> {
  const db: TempDatabase = await createTempDatabase();
  await applyMigrations({ databaseUrl: db.url });
  const prisma = createPrisma({ databaseUrl: db.url });
  await seedDemoData(prisma);
  const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const taskQueue = `e2e-${randomUUID()}`;
  const { worker, connection: workerConnection } = await createWorker({ temporalAddress: address, namespace: 'default', prisma, taskQueue });
  const running = worker.run();
  const { client: temporal, connection } = createTemporalClient(address, 'default');
  const server = createApiServer({ prisma, temporal, taskQueue, consoleDir: opts.consoleDir, logger: pino({ level: 'silent' }) });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    databaseUrl: db.url,
    prisma,
    temporal,
    taskQueue,
    client() {
      const cookies = new Map<string, string>();
      const trpc = createTRPCClient<AppRouter>({
        links: [
          httpBatchLink({
            url: `${url}/trpc`,
            async fetch(input, init) {
              const headers = new Headers(init?.headers);
              headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
              headers.set('origin', url);
              const res = await fetch(input, { ...init, headers } as RequestInit);
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
    async close() {
      server.close();
      worker.shutdown();
      await running;
      await Promise.allSettled([connection.close(), workerConnection.close()]);
      await prisma.$disconnect();
      await db.drop();
    },
  };
}
