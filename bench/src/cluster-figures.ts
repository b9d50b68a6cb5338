/**
 * Figures on the production engine (the split Temporal cluster on PostgreSQL, see cluster-stack.ts):
 * the worker's start from source versus from the built output, an escalation burst's latency, and
 * what live updates cost PostgreSQL and how fast a change reaches the consoles.
 */
import { spawn } from 'node:child_process';
import { API_ROLE } from '@ip/cluster/cluster';
import { changesOf, connectConsoles, statementsPerSecond } from '@ip/cluster/consoles';
import { insertAuthorities } from './fixtures.js';
import { round } from './start.js';
import { freePort, ROOT, runConcurrently, retrying, signedInClient, type Trpc } from './stack.js';
import type { ClusterStack } from './cluster-stack.js';
import { summary } from './stats.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A worker process from spawn to its health endpoint answering 200 (polling): before, from source
 * through tsx, bundling the workflows at start (what the images ran); after, the built dist/main.js
 * with the bundle made at build time. Interleaved, on the same cluster, beside its running worker.
 */
export async function benchWorkerStart(stack: ClusterStack, opts: { n: number; log: (m: string) => void }) {
  const modes = { source: ['--import', 'tsx', 'src/main.ts'], built: ['dist/main.js'] } as const;
  const ms: Record<keyof typeof modes, number[]> = { source: [], built: [] };
  for (let i = 0; i < opts.n; i++) {
    const order: (keyof typeof modes)[] = i % 2 ? ['built', 'source'] : ['source', 'built'];
    for (const mode of order) {
      const port = await freePort();
      const t0 = performance.now();
      const child = spawn(process.execPath, [...modes[mode]], {
        cwd: `${ROOT}apps/worker`,
        env: { ...process.env, DATABASE_URL: stack.databaseUrl, TEMPORAL_ADDRESS: stack.address, TEMPORAL_NAMESPACE: stack.namespace, WORKER_HEALTH_PORT: String(port), LOG_LEVEL: 'warn' },
        stdio: 'ignore',
      });
      const exited = new Promise((ok) => child.once('exit', ok));
      try {
        for (;;) {
          if (child.exitCode !== null) throw new Error(`worker (${mode}) exited ${child.exitCode}`);
          if ((await fetch(`http://127.0.0.1:${port}/health`).catch(() => null))?.status === 200) break;
          if (performance.now() - t0 > 120_000) throw new Error(`worker (${mode}) not polling after 120 s`);
          await sleep(20);
        }
        ms[mode].push(performance.now() - t0);
      } finally {
        child.kill('SIGTERM');
        await exited;
      }
      opts.log(`  worker start (${mode}): ${ms[mode].at(-1)?.toFixed(0)} ms`);
    }
  }
  const source = summary(ms.source);
  const built = summary(ms.built);
  return { n: opts.n, sourceMs: source, builtMs: built, startSpeedup: round(source.p50 / built.p50) };
}

/** Back-dated inspections: every deadline has passed, so each programme's ladder steps fire at once. */
const BACKDATED = {
  type: 'standard' as const, fieldworkStartedOn: '2025-09-29', fieldworkEndedOn: '2025-10-10', reportReceivedOn: '2025-11-03',
  judgements: { overallEffectiveness: 'inadequate' as const, helpAndProtection: 'inadequate' as const },
};

async function startProgrammes(stack: ClusterStack, clients: Trpc[], n: number): Promise<string[]> {
  const codes = await insertAuthorities(stack.prisma, n);
  const ids: string[] = [];
  const stats = { retries: 0 };
  const r = await runConcurrently(n, 8, async (i) => {
    ids[i] = (await retrying(() => clients[i % clients.length]!.programmes.create.mutate({ onsCode: codes[i]!, clientRequestId: crypto.randomUUID(), reason: 'Bench: judged inadequate' }), stats)).data.id;
  });
  if (r.errors.length) throw new Error(`programme create failed: ${r.errors[0]}`);
  return ids;
}

/** Rows per programme once the count has stopped moving for `quietMs`. */
async function settledEscalations(stack: ClusterStack, ids: string[], quietMs = 4000, timeoutMs = 600_000): Promise<number> {
  const t0 = performance.now();
  let last = -1;
  let since = performance.now();
  for (;;) {
    const n = await stack.prisma.escalation.count({ where: { programmeId: { in: ids } } });
    if (n !== last) { last = n; since = performance.now(); }
    if (n > 0 && performance.now() - since >= quietMs) return n;
    if (performance.now() - t0 > timeoutMs) throw new Error(`escalations still moving after ${timeoutMs} ms (${n})`);
    await sleep(250);
  }
}

/**
 * An escalation burst: n programmes record back-dated inspections at once (spread over the APIs), so
 * n × (steps per ladder) escalations fall due together. Latency per escalation = the moment its
 * programme's inspection command was sent → the row committed (created_at); drain = the last one.
 */
export async function benchClusterEscalation(stack: ClusterStack, opts: { n: number; log: (m: string) => void }) {
  const clients = await Promise.all(stack.apiUrls.map((u) => signedInClient(u)));
  const [control] = await startProgrammes(stack, clients, 1);
  await clients[0]!.programmes.recordInspection.mutate({ programmeId: control!, clientRequestId: crypto.randomUUID(), reason: 'Bench control', inspection: BACKDATED });
  const perProgramme = await settledEscalations(stack, [control!]);
  const ids = await startProgrammes(stack, clients, opts.n);
  await sleep(3000); // the starts' own work (projections, KPI-return Schedules) settles first
  opts.log(`  burst: ${opts.n} programmes × ${perProgramme} escalations over ${clients.length} API process(es) and ${stack.workers.length} worker(s)...`);
  const sentAt = new Map<string, number>();
  const stats = { retries: 0 };
  const t0 = Date.now();
  await Promise.all(ids.map((programmeId, i) => {
    sentAt.set(programmeId, Date.now());
    return retrying(() => clients[i % clients.length]!.programmes.recordInspection.mutate({ programmeId, clientRequestId: crypto.randomUUID(), reason: 'Bench burst', inspection: BACKDATED }), stats);
  }));
  const total = await settledEscalations(stack, ids);
  const rows = await stack.prisma.escalation.findMany({ where: { programmeId: { in: ids } }, select: { programmeId: true, createdAt: true } });
  const latency = rows.map((r) => r.createdAt.getTime() - sentAt.get(r.programmeId!)!);
  const drainMs = Math.max(...rows.map((r) => r.createdAt.getTime())) - t0;
  return {
    programmes: opts.n, perProgramme, escalations: total, expected: opts.n * perProgramme,
    workerProcesses: stack.workers.length, apiProcesses: stack.apis.length,
    latencyMs: summary(latency), drainMs, perSecond: round((total / drainMs) * 1000),
  };
}

/**
 * What live updates cost: statements per second the API processes run on PostgreSQL (their own role,
 * counted by pg_stat_statements) with 0, 100 and 500 idle consoles, and everyone else's meanwhile
 * (target: the same for any number; polling cost 4 queries a second per console), and
 * change → console latency under an escalation burst with 500 consoles connected (from the change's
 * transaction time, the `at` its trigger stamps, to its arrival at each console).
 */
export async function benchLiveCost(stack: ClusterStack, opts: { consoles: number[]; burstProgrammes: number; log: (m: string) => void }) {
  const idle: { consoles: number; apiStatementsPerSecond: number; otherStatementsPerSecond: number }[] = [];
  for (const n of opts.consoles) {
    const consoles = n ? await connectConsoles(stack.apiUrls, n) : null;
    try {
      const rates = await statementsPerSecond(stack.databaseUrl, 20);
      const api = rates.get(API_ROLE) ?? 0;
      const others = [...rates].reduce((sum, [role, v]) => (role === API_ROLE ? sum : sum + v), 0);
      idle.push({ consoles: n, apiStatementsPerSecond: round(api), otherStatementsPerSecond: round(others) });
      opts.log(`  ${n} idle consoles: the APIs ran ${idle.at(-1)!.apiStatementsPerSecond} statements/s, everything else ${idle.at(-1)!.otherStatementsPerSecond}/s`);
    } finally {
      await consoles?.close();
    }
  }
  const most = Math.max(...opts.consoles);
  const consoles = await connectConsoles(stack.apiUrls, most);
  try {
    const clients = await Promise.all(stack.apiUrls.map((u) => signedInClient(u)));
    const ids = await startProgrammes(stack, clients, opts.burstProgrammes);
    await sleep(3000);
    const head = (await stack.prisma.liveEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } }))?.seq ?? 0n;
    await Promise.all(ids.map((programmeId, i) => clients[i % clients.length]!.programmes.recordInspection.mutate({ programmeId, clientRequestId: crypto.randomUUID(), reason: 'Bench burst', inspection: BACKDATED })));
    await settledEscalations(stack, ids);
    await sleep(2000);
    const changes = await stack.prisma.liveEvent.count({ where: { seq: { gt: head } } });
    const latencies: number[] = [];
    let duplicates = 0;
    const perConsole: number[] = [];
    for (const s of consoles.streams) {
      const seen = new Set<string>();
      for (const e of s.events) {
        for (const d of changesOf(e.data)) {
          if (BigInt(d.seq) <= head) continue;
          if (seen.has(d.seq)) duplicates++;
          seen.add(d.seq);
          latencies.push(performance.timeOrigin + e.at - Date.parse(d.at));
        }
      }
      perConsole.push(seen.size);
    }
    return {
      idle,
      idleNote: 'statements per second the API processes ran (their own PostgreSQL role, pg_stat_statements) and everyone else meanwhile, with every console idle; polling cost 4 queries/s per console',
      burst: {
        /** Server-sent events per console for the burst: changes arrive in batches. */
        eventsPerConsole: round(consoles.streams.reduce((n, st) => n + st.events.filter((e) => changesOf(e.data).some((d) => BigInt(d.seq) > head)).length, 0) / consoles.streams.length),
        consoles: most, programmes: opts.burstProgrammes, changes,
        everyConsoleGotEvery: perConsole.every((n) => n === changes), duplicates,
        changeToConsoleMs: summary(latencies.length ? latencies : [NaN]),
      },
    };
  } finally {
    await consoles.close();
  }
}
