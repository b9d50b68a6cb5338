/**
 * `pnpm bench` / `npm run bench` (infra/bench.sh): each figure paired with a baseline measured in the
 * same run (these machines are shared and noisy). Writes bench/results/latest.json and latest.md.
 * BENCH_SCALE scales the heavy figures (seed, scale-out, getList rows); BENCH_ONLY picks figures.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { asAtFigure } from './as-at.js';
import { cpus, loadavg, totalmem } from 'node:os';
import { benchBundle } from './bundle.js';
import { benchEscalation } from './escalation.js';
import { benchGetListActions } from './getlist-actions.js';
import { historyBytesFigure } from './history-bytes.js';
import { renderTable } from './report.js';
import { benchRss } from './rss.js';
import { benchSeed } from './seed.js';
import { startStack, type Stack } from './stack.js';
import { benchStart } from './start.js';
import { benchClusterEscalation, benchLiveCost, benchWorkerStart } from './cluster-figures.js';
import { withClusterStack } from './cluster-stack.js';
import { benchDelivery } from './delivery.js';

const log = (m: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);
const scale = Number(process.env.BENCH_SCALE ?? '1');
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
// BENCH_ONLY=cluster runs every figure on the split Temporal cluster (the cluster* figures).
const want = (f: string) => !only || only.has(f) || (f.startsWith('cluster') && only.has('cluster'));
const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const testServerPath = process.env.TEMPORAL_TEST_SERVER_PATH;
const results: Record<string, unknown> = {};
const failures: Record<string, string> = {};

async function figure(name: string, fn: () => Promise<unknown>): Promise<void> {
  if (!want(name)) return;
  log(`— ${name} —`);
  const t = performance.now();
  try {
    results[name] = await fn();
    log(`${name} done in ${((performance.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(results[name]).slice(0, 300)}`);
  } catch (err) {
    failures[name] = err instanceof Error ? `${err.message}\n${err.stack ?? ''}`.slice(0, 2000) : String(err);
    log(`${name} FAILED: ${failures[name]}`);
  }
}

async function withStack<T>(opts: { workers?: number; apis?: number }, fn: (s: Stack) => Promise<T>): Promise<T> {
  const stack = await startStack({ address, log, ...opts });
  try {
    return await fn(stack);
  } finally {
    await stack.close();
  }
}

const seedSize = { authorities: Math.max(2, Math.round(150 * scale)), actionsPer: Math.max(2, Math.round(60 * Math.min(1, scale * 4))) };
const escalationN = Math.max(10, Math.round(100 * Math.min(1, scale * 4)));
const t0 = performance.now();
const loadAtStart = loadavg().map((x) => Math.round(x * 10) / 10);
log(`scale ${scale}; Temporal dev server ${address}; test server ${testServerPath ?? '(none)'}`);

await figure('start', () => withStack({}, (s) => benchStart(s, { n: Math.max(10, Math.round(40 * Math.min(1, scale * 4))), log })));
await figure('getList', () => withStack({ workers: 0 }, (s) => benchGetListActions(s, { actions: Math.round(10_000 * Math.min(1, scale * 4)), clients: 50, perClient: 10, log })));
await figure('rss', () => benchRss({ address, n: 100, log }));
await figure('bundle', () => benchBundle({ log }));
await figure('escalation', () => benchEscalation({ testServerPath, n: escalationN, workers: 1, apis: 1, log }));
const seedBudget = Number(process.env.BENCH_SEED_BUDGET_S ?? '600');
await figure('seed', () => withStack({}, (s) => benchSeed(s, { ...seedSize, concurrency: 16, budgetSeconds: seedBudget, log })));
await figure('scaleOutEscalation', () => benchEscalation({ testServerPath, n: escalationN, workers: 2, apis: 2, log }));
// A third of the authorities (all their actions) keeps the run under ~30 min; throughput is compared
// with figure 6's, so both are workflows per second through the same API calls.
const scaleOutSeedSize = { ...seedSize, authorities: Math.max(2, Math.round(seedSize.authorities / 3)) };
await figure('scaleOutSeed', () => withStack({ workers: 2, apis: 2 }, (s) => benchSeed(s, { ...scaleOutSeedSize, concurrency: 16, budgetSeconds: Math.round(seedBudget / 3), log })));

// Figure 9: email deliveries per second for a burst of escalations vs raw nodemailer (bench/src/delivery.ts).
await figure('delivery', () => benchDelivery({ address, n: Math.max(50, Math.round(1000 * Math.min(1, scale * 4))), log }));

// Figure 4: state "as at" the last event of a >= 5,000-event history, folded through the domain
// reducers, against bare Worker.runReplayHistory of the same history (bench/src/as-at.ts).
await figure('asAt', () => asAtFigure({ log }));

// Figure 10: history bytes of one action after 300 weekly updates against a bare workflow taking the
// same Updates (bench/src/history-bytes.ts); 500 at full scale, for the per-update slope.
await figure('historyBytes', () => historyBytesFigure({ updates: scale >= 1 ? 500 : 300, log }));
// Figures 11–14 on the production engine: the Temporal server on PostgreSQL split into four services
// (infra/temporal-server.sh, 512 shards), workers and APIs from the built output (bench/src/cluster-stack.ts).
const clusterSeedSize = { authorities: Math.max(2, Math.round(50 * scale)), actionsPer: seedSize.actionsPer };
const clusterBurst = Math.max(4, Math.round(40 * Math.min(1, scale * 4)));
const clusterGroup = async (workers: number, apis: number, names: string[], body: (s: Parameters<Parameters<typeof withClusterStack>[1]>[0]) => Promise<void>) => {
  if (!names.some(want)) return;
  log(`— cluster ${workers} worker(s) + ${apis} API(s): ${names.filter(want).join(', ')} —`);
  await withClusterStack({ workers, apis, log }, body).catch((err: unknown) => {
    for (const n of names.filter((x) => want(x) && !(x in results))) failures[n] = `cluster did not start: ${String(err)}`;
  });
};
await clusterGroup(1, 1, ['clusterWorkerStart', 'clusterStart', 'clusterGetList', 'clusterEscalation', 'clusterSeed'], async (s) => {
  await figure('clusterWorkerStart', () => benchWorkerStart(s, { n: 3, log }));
  await figure('clusterStart', () => benchStart(s, { n: Math.max(10, Math.round(40 * Math.min(1, scale * 4))), log }));
  await figure('clusterEscalation', () => benchClusterEscalation(s, { n: clusterBurst, log }));
  await figure('clusterSeed', () => benchSeed(s, { ...clusterSeedSize, concurrency: 16, budgetSeconds: Math.round(seedBudget / 2), log }));
  await figure('clusterGetList', () => benchGetListActions(s, { actions: Math.round(10_000 * Math.min(1, scale * 4)), clients: 50, perClient: 10, log }));
});
await clusterGroup(2, 2, ['clusterScaleOutEscalation', 'clusterLive', 'clusterScaleOutSeed'], async (s) => {
  await figure('clusterScaleOutEscalation', () => benchClusterEscalation(s, { n: clusterBurst, log }));
  await figure('clusterLive', () => benchLiveCost(s, { consoles: [0, 100, 500], burstProgrammes: Math.max(4, Math.round(clusterBurst / 2)), log }));
  await figure('clusterScaleOutSeed', () => benchSeed(s, { ...clusterSeedSize, concurrency: 16, budgetSeconds: Math.round(seedBudget / 2), log }));
});
{
  const ratio = (a?: number, b?: number) => (a && b ? Math.round((a / b) * 100) / 100 : null);
  const cs = results.clusterSeed as { workflowsPerSecond: number } | undefined;
  const cs2 = results.clusterScaleOutSeed as { workflowsPerSecond: number } | undefined;
  const ce = results.clusterEscalation as { perSecond: number } | undefined;
  const ce2 = results.clusterScaleOutEscalation as { perSecond: number } | undefined;
  if (cs || ce) {
    results.clusterScaleOut = {
      seed: ratio(cs2?.workflowsPerSecond, cs?.workflowsPerSecond),
      escalation: ratio(ce2?.perSecond, ce?.perSecond),
      note: 'throughput with 2 worker + 2 API processes over 1 + 1 on the split Temporal cluster; this machine has 2 cores shared by the Temporal services, PostgreSQL and our processes, so more processes here compete for the same cores',
    };
  }
}

const seed = results.seed as { workflowsPerSecond: number } | undefined;
const seed2 = results.scaleOutSeed as { workflowsPerSecond: number } | undefined;
const esc = results.escalation as { ours: { perSecond: number } } | undefined;
const esc2 = results.scaleOutEscalation as { ours: { perSecond: number } } | undefined;
if (seed || esc) results.scaleOut = {
  seed: seed && seed2 ? Math.round((seed2.workflowsPerSecond / seed.workflowsPerSecond) * 100) / 100 : null,
  escalation: esc && esc2 ? Math.round((esc2.ours.perSecond / esc.ours.perSecond) * 100) / 100 : null,
  note: 'throughput with 2 worker + 2 API processes over 1 + 1, same server and database',
};

const result = {
  measuredAt: new Date().toISOString(),
  scale,
  wallSeconds: Math.round((performance.now() - t0) / 1000),
  machine: {
    cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10, node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: { atStart: loadAtStart, atEnd: loadavg().map((x) => Math.round(x * 10) / 10) }, note: 'shared with other sessions; every figure is paired with a baseline from the same run',
  },
  figures: results,
  failures,
};
const dir = new URL('../results/', import.meta.url);
// A partial run (BENCH_ONLY) keeps the figures it did not measure from the last run, saying when
// each was measured: every figure carries its own same-run baseline, so they stay comparable.
const previous = new URL('latest.json', dir);
if (only && existsSync(previous)) {
  const last = JSON.parse(readFileSync(previous, 'utf8')) as { measuredAt: string; figures: Record<string, unknown>; carriedOver?: Record<string, string> };
  const carried: Record<string, string> = {};
  for (const [k, v] of Object.entries(last.figures)) {
    if (k in results) continue;
    results[k] = v;
    carried[k] = last.carriedOver?.[k] ?? last.measuredAt;
  }
  Object.assign(result, { carriedOver: carried });
}
const md = renderTable(result);
writeFileSync(new URL('latest.json', dir), JSON.stringify(result, null, 2) + '\n');
writeFileSync(new URL('latest.md', dir), md);
console.log(md);
process.exit(Object.keys(failures).length ? 1 : 0);
