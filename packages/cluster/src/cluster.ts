/**
 * The production topology on processes this suite owns: a PostgreSQL cluster of its own (initdb in
 * a temporary directory), the Temporal server on it split into frontend, history, matching and
 * worker processes (infra/temporal-server.sh, the Helm values' shards and pools), and our workers
 * and APIs started exactly as their images start them: `node dist/main.js` from the built output,
 * with the Kubernetes ConfigMap's settings. Everything is driven through the HTTP API and Temporal's
 * client; the suite depends on no workflow's internals.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCClientError } from '@trpc/client';
import pgLib from 'pg';
import type { Client } from '@temporalio/client';
import { createTemporalClient } from '@ip/api';
import { createPrisma, type PrismaClient } from '@ip/db';
import { applyMigrations } from '@ip/db/migrate';
import { DEMO_PASSWORD, seedDemoData } from '@ip/db/seed';
import { signedInClient, type Trpc } from '@ip/faults/client';
import { AppProcess, killed, PostgresCluster, ROOT, until } from '@ip/faults/processes';

export type { Trpc };
export const NAMESPACE = 'improvement-programme';
/** What infra/deploy/k8s/config.yaml gives every worker and API. */
const CONFIG_MAP = {
  TEMPORAL_NAMESPACE: NAMESPACE,
  WORKER_MAX_CACHED_WORKFLOWS: '300',
  WORKER_MAX_CONCURRENT_ACTIVITIES: '20',
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '20',
  LOG_LEVEL: 'warn',
};

export function codeOf(err: unknown): string | undefined {
  return err instanceof TRPCClientError ? (err.data as { code?: string } | undefined)?.code : undefined;
}

/**
 * A free run of `n` consecutive ports (the Temporal services take P..P+20). Below 32,767: Temporal
 * stores membership ports in a SMALLINT column (cluster_membership.rpc_port).
 */
export async function freePorts(n: number): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const base = 20_000 + Math.floor(Math.random() * (32_000 - 20_000 - n));
    let ok = true;
    for (let p = base; p < base + n && ok; p++) ok = await portFree(p);
    if (ok) return base;
  }
  throw new Error(`no ${n} consecutive free ports`);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const s = createServer().once('error', () => ok(false)).listen(port, '127.0.0.1', () => s.close(() => ok(true)));
  });
}

/** The Temporal server split into its four services (infra/temporal-server.sh), on our PostgreSQL. */
export class TemporalCluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'ip-cluster-temporal-'));
  constructor(readonly port: number, private readonly pgUrl: string, readonly mode: 'split' | 'single' = 'split') {}
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }
  private script(cmd: string): string {
    const r = spawnSync('bash', [join(ROOT, 'infra/temporal-server.sh'), cmd, '--mode', this.mode, '--port', String(this.port), '--data', this.dir, '--pg-url', this.pgUrl],
      { encoding: 'utf8', cwd: ROOT });
    if (r.status !== 0 && cmd !== 'status' && cmd !== 'health') throw new Error(`temporal-server.sh ${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
    return r.status === 0 ? 'ok' : r.stderr;
  }
  /** Starts what is not running (after a kill, just the service that died) and waits until it answers. */
  start(): void {
    this.script('start');
  }
  healthy(): boolean {
    return this.script('health') === 'ok';
  }
  pid(service: 'frontend' | 'history' | 'matching' | 'worker'): number {
    return Number(readFileSync(join(this.dir, `${service}.pid`), 'utf8').trim());
  }
  async kill9(service: 'frontend' | 'history' | 'matching' | 'worker'): Promise<void> {
    const pid = this.pid(service);
    process.kill(pid, 'SIGKILL');
    killed.push({ what: `temporal ${service}`, pid, signal: 'SIGKILL' });
    await until(`${service} (pid ${pid}) to exit`, async () => !existsProc(pid), 10_000, 50);
  }
  destroy(): void {
    try {
      this.script('stop');
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

function existsProc(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.split(' ')[2] !== 'Z';
  } catch {
    return false;
  }
}

export interface Cluster {
  pg: PostgresCluster;
  temporalCluster: TemporalCluster;
  workers: AppProcess[];
  apis: AppProcess[];
  apiUrls: string[];
  workerHealthUrls: string[];
  prisma: PrismaClient;
  temporal: Client;
  databaseUrl: string;
  /** A tRPC client over HTTP to API `i`, signed in as the demo user `email`. */
  signIn(i: number, email?: string): Promise<Trpc>;
  startWorker(i: number): Promise<void>;
  startApi(i: number): Promise<void>;
  close(): Promise<void>;
}

/** How a started process reports itself, for the rig's log. */
export type Step = (what: string) => void;

export async function startCluster(opts: { workers: number; apis: number; step?: Step }): Promise<Cluster> {
  const step = opts.step ?? (() => {});
  // Four Temporal services with pools of up to 40 + 20 connections each, our processes' pools of 10,
  // and room for a restart: Debian's default of 100 is too few. pg_stat_statements counts each
  // role's statements as they complete: what the APIs ask of PostgreSQL, apart from everything else.
  const pg = new PostgresCluster(await freePorts(1), ['max_connections=400', 'shared_preload_libraries=pg_stat_statements']);
  const databaseUrl = pg.url;
  const temporalCluster = new TemporalCluster(await freePorts(21), databaseUrl);
  const prisma = createPrisma({ databaseUrl, maxConnections: 4 });
  try {
    pg.start();
    temporalCluster.start();
    step('postgres and the split Temporal cluster up');
    await applyMigrations({ databaseUrl });
    await createApiRole(databaseUrl);
    await seedDemoData(prisma);
    step('migrated and seeded');
  } catch (err) {
    // Nothing left running when the rig cannot start (the Temporal services are in sessions of their own).
    await prisma.$disconnect().catch(() => undefined);
    temporalCluster.destroy();
    pg.destroy();
    throw err;
  }
  const { client: temporal, connection } = createTemporalClient(temporalCluster.address, NAMESPACE);
  const env = { ...CONFIG_MAP, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalCluster.address };
  const workerPorts = await Promise.all(Array.from({ length: opts.workers }, () => freePorts(1)));
  const apiPorts = await Promise.all(Array.from({ length: opts.apis }, () => freePorts(1)));
  // As the images run them: WORKDIR apps/<app>, CMD node dist/main.js (infra/deploy/docker).
  const workers = workerPorts.map((port) => new AppProcess('worker', { ...env, WORKER_HEALTH_PORT: String(port) }, ['dist/main.js']));
  const apis = apiPorts.map((port) => new AppProcess('api', { ...env, DATABASE_URL: asApiRole(databaseUrl), API_PORT: String(port), API_HOST: '127.0.0.1', CONSOLE_DIR: join(ROOT, 'apps/console/dist') }, ['dist/main.js']));
  const apiUrls = apiPorts.map((p) => `http://127.0.0.1:${p}`);
  const workerHealthUrls = workerPorts.map((p) => `http://127.0.0.1:${p}/health`);

  const cluster: Cluster = {
    pg, temporalCluster, workers, apis, apiUrls, workerHealthUrls, prisma, temporal, databaseUrl,
    // Ready when the worker's own health endpoint says it polls: the probe Kubernetes uses.
    startWorker: (i) => workers[i]!.start(async () => (await fetch(workerHealthUrls[i]!).catch(() => null))?.status === 200),
    startApi: (i) => apis[i]!.start(async () => (await fetch(`${apiUrls[i]}/trpc/health`).catch(() => null))?.ok ?? false),
    signIn: (i, email = 'pm@northmoor.gov.uk') => signIn(apiUrls[i]!, email),
    async close() {
      await Promise.allSettled([...workers, ...apis].map((p) => p.stop()));
      await connection.close().catch(() => undefined);
      await prisma.$disconnect().catch(() => undefined);
      temporalCluster.destroy();
      pg.destroy();
    },
  };
  try {
    await Promise.all(workers.map((_, i) => cluster.startWorker(i)));
    step(`${workers.length} workers polling`);
    await Promise.all(apis.map((_, i) => cluster.startApi(i)));
    step(`${apis.length} APIs answering`);
  } catch (err) {
    await cluster.close();
    throw err;
  }
  return cluster;
}

/** The role the API processes connect as: the read model's tables and nothing more (no DDL). */
export const API_ROLE = 'ip_api';

export function asApiRole(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.username = API_ROLE;
  url.password = API_ROLE;
  return url.toString();
}

async function createApiRole(databaseUrl: string): Promise<void> {
  const c = new pgLib.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
      CREATE ROLE ${API_ROLE} LOGIN PASSWORD '${API_ROLE}';
      GRANT USAGE ON SCHEMA public TO ${API_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${API_ROLE};
      GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${API_ROLE};`);
  } finally {
    await c.end();
  }
}

/** The session cookie of a sign-in, for clients that are not tRPC (SSE readers). */
export async function sessionCookie(apiUrl: string, email = 'pm@northmoor.gov.uk'): Promise<string> {
  const res = await fetch(`${apiUrl}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: apiUrl },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

export const signIn = signedInClient;
