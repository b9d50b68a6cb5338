/**
 * The system under test, as production runs it: a fresh PostgreSQL database (migrations + demo
 * users), a Temporal namespace of its own, and `apps/api` and `apps/worker` as separate child
 * processes (as many of each as asked). The bench talks to the API over HTTP like the console does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createTRPCClient, httpLink } from '@trpc/client';
import { Connection } from '@temporalio/client';
import type { AppRouter } from '@ip/api';
import { createPrisma, type PrismaClient } from '@ip/db';
import { applyMigrations } from '@ip/db/migrate';
import { DEMO_PASSWORD, seedDemoData } from '@ip/db/seed';
import { createTempDatabase } from '@ip/db/testing';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export type Trpc = ReturnType<typeof createTRPCClient<AppRouter>>;

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** Registers a namespace (workflow ids must not collide between scenarios sharing one server). */
export async function createNamespace(address: string, namespace = `bench-${randomUUID().slice(0, 8)}`): Promise<string> {
  const connection = await Connection.connect({ address });
  try {
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: { seconds: 86_400 as never } });
    for (let i = 0; i < 100; i++) {
      if (await connection.workflowService.describeNamespace({ namespace }).then(() => true, () => false)) return namespace;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`namespace ${namespace} did not become ready`);
  } finally {
    await connection.close();
  }
}

export interface Proc {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Runs a TypeScript entry point in a child process; resolves once `ready` matches its output. */
export async function spawnTs(entry: string, env: Record<string, string>, ready: RegExp | (() => Promise<boolean>), opts: { cwd?: string; nodeArgs?: string[] } = {}): Promise<Proc> {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', `${ROOT}${entry}`], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  await new Promise<void>((ok, fail) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      if (ready instanceof RegExp && ready.test(out)) ok();
      if (out.length > 100_000) out = out.slice(-20_000);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`${entry} exited (${code}) before ready:\n${out.slice(-3000)}`)));
    const until = Date.now() + 120_000;
    const poll = async () => {
      if (Date.now() > until) return fail(new Error(`${entry} not ready after 120 s:\n${out.slice(-3000)}`));
      if (typeof ready === 'function' && (await ready().catch(() => false))) return ok();
      setTimeout(() => void poll(), 200).unref();
    };
    void poll();
  });
  child.removeAllListeners('exit');
  return {
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** A tRPC client over HTTP (no batching: one call, one request) with the given cookie jar. */
export function httpClient(url: string, cookies = new Map<string, string>()): Trpc {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${url}/trpc`,
        // tRPC types `input` with a DOM type this tsconfig does not load; Node's fetch takes these.
        async fetch(input: string | URL | Request, init) {
          const headers = new Headers(init?.headers);
          headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
          headers.set('origin', url);
          const res = await fetch(input, { ...init, headers });
          for (const c of res.headers.getSetCookie()) {
            const [k, v] = (c.split(';')[0] ?? '').split('=');
            if (k) cookies.set(k, v ?? '');
          }
          return res;
        },
      }),
    ],
  });
}

/** Signs in once (sign-in is rate limited per person) and returns `count` clients sharing the session. */
export async function signedInClients(url: string, count: number, email = 'pm@northmoor.gov.uk'): Promise<Trpc[]> {
  const cookies = new Map<string, string>();
  await httpClient(url, cookies).auth.login.mutate({ email, password: DEMO_PASSWORD });
  return Array.from({ length: count }, () => httpClient(url, new Map(cookies)));
}

export async function signedInClient(url: string, email = 'pm@northmoor.gov.uk'): Promise<Trpc> {
  return (await signedInClients(url, 1, email))[0]!;
}

/** BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the API processes. */
const apiNodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);

export interface Stack {
  apiUrls: string[];
  databaseUrl: string;
  namespace: string;
  address: string;
  prisma: PrismaClient;
  workers: Proc[];
  apis: Proc[];
  close(): Promise<void>;
}

/** Database + namespace + N worker processes + M API processes. */
export async function startStack(opts: { address: string; workers?: number; apis?: number; namespace?: string; log?: (m: string) => void }): Promise<Stack> {
  const db = await createTempDatabase();
  await applyMigrations({ databaseUrl: db.url });
  const prisma = createPrisma({ databaseUrl: db.url });
  await seedDemoData(prisma);
  const namespace = opts.namespace ?? (await createNamespace(opts.address));
  const env = { DATABASE_URL: db.url, TEMPORAL_ADDRESS: opts.address, TEMPORAL_NAMESPACE: namespace, LOG_LEVEL: 'warn' };
  const workers: Proc[] = [];
  const apis: Proc[] = [];
  const apiUrls: string[] = [];
  try {
    const nWorkers = opts.workers ?? 1;
    opts.log?.(`starting ${nWorkers} worker process(es) and ${opts.apis ?? 1} API process(es) on ${namespace}...`);
    for (let i = 0; i < nWorkers; i++) workers.push(await spawnTs('apps/worker/src/main.ts', env, /worker: polling/, { cwd: `${ROOT}apps/worker` }));
    for (let i = 0; i < (opts.apis ?? 1); i++) {
      const port = await freePort();
      apis.push(await spawnTs('apps/api/src/main.ts', { ...env, API_PORT: String(port), API_HOST: '127.0.0.1' }, () => fetch(`http://127.0.0.1:${port}/trpc/health`).then((r) => r.ok), { cwd: `${ROOT}apps/api`, nodeArgs: apiNodeArgs }));
      apiUrls.push(`http://127.0.0.1:${port}`);
    }
  } catch (err) {
    await Promise.allSettled([...apis, ...workers].map((p) => p.stop()));
    await prisma.$disconnect();
    await db.drop();
    throw err;
  }
  return {
    apiUrls, databaseUrl: db.url, namespace, address: opts.address, prisma, workers, apis,
    async close() {
      await Promise.allSettled([...apis, ...workers].map((p) => p.stop()));
      await prisma.$disconnect();
      await db.drop();
    },
  };
}

/** `count` calls of `fn`, at most `concurrency` at a time (none started after `stopAt`); per-call timings (ms) and errors. */
export async function runConcurrently(count: number, concurrency: number, fn: (i: number) => Promise<unknown>, onProgress?: (done: number) => void, stopAt = Infinity) {
  const ms: number[] = [];
  const errors: string[] = [];
  let next = 0;
  let done = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, async () => {
    for (let i = next++; i < count && performance.now() < stopAt; i = next++) {
      const t = performance.now();
      try {
        await fn(i);
        ms.push(performance.now() - t);
      } catch (err) {
        errors.push(err instanceof Error ? err.message : String(err));
      }
      done++;
      onProgress?.(done);
    }
  }));
  return { ms, errors };
}

/**
 * Sends the same command again (same client request id, so one effect) when the API answers
 * SERVICE_UNAVAILABLE, as the console does: on a loaded machine the worker may take longer than the
 * API's 10 s wait for a first projection. Counts the retries in `stats`.
 */
export async function retrying<T>(fn: () => Promise<T>, stats: { retries: number }, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      const code = (err as { data?: { code?: string } }).data?.code;
      if (code !== 'SERVICE_UNAVAILABLE' || i >= attempts) throw err;
      stats.retries++;
    }
  }
}
