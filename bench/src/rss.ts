/**
 * Figure 5: worker memory holding 100 open programme + 100 open action workflows (started through
 * the API, so cached in the worker exactly as in production) against a worker holding 200 bare
 * sleeping workflows, each worker alone in a child process started with --expose-gc, measured after
 * warm-up and a forced GC. `rssRatio` = RSS ours / RSS bare; the per-100 growth over each worker's
 * own idle RSS is reported too.
 */
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { addDays } from '@ip/domain';
import { actionInput, insertAuthorities } from './fixtures.js';
import { round } from './start.js';
import { createNamespace, runConcurrently, signedInClient, spawnTs, startStack, type Proc } from './stack.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MiB = 2 ** 20;

async function rssOf(p: Proc): Promise<number> {
  p.child.send('rss');
  const [m] = (await once(p.child, 'message')) as [{ rss: number }];
  return m.rss;
}

export async function benchRss(opts: { address: string; n: number; log: (m: string) => void }) {
  const stack = await startStack({ address: opts.address, workers: 0, apis: 1, log: opts.log });
  const procs: Proc[] = [];
  const env = (namespace: string, kind: string) => ({ WORKER_KIND: kind, DATABASE_URL: stack.databaseUrl, TEMPORAL_ADDRESS: opts.address, TEMPORAL_NAMESPACE: namespace, TASK_QUEUE: kind === 'ours' ? '' : 'bench-bare-rss' });
  try {
    const ours = await spawnTs('bench/src/worker-child.ts', env(stack.namespace, 'ours'), /ours worker: polling/, { nodeArgs: ['--expose-gc'] });
    procs.push(ours);
    await sleep(3000);
    const oursIdle = await rssOf(ours);
    const codes = await insertAuthorities(stack.prisma, opts.n);
    const trpc = await signedInClient(stack.apiUrls[0]!);
    opts.log(`opening ${opts.n} programmes and ${opts.n} actions through the API...`);
    const ids: string[] = [];
    const p = await runConcurrently(opts.n, 8, async (i) => { ids[i] = (await trpc.programmes.create.mutate({ onsCode: codes[i]!, clientRequestId: randomUUID(), reason: 'Bench: memory' })).data.id; });
    const a = await runConcurrently(opts.n, 8, (i) => trpc.actions.create.mutate(actionInput(ids[i]!, i, addDays('2027-03-01', i))));
    if (p.errors.length + a.errors.length) throw new Error(`opening workflows failed: ${[...p.errors, ...a.errors][0]}`);
    await sleep(5000);
    const oursLoaded = await rssOf(ours);

    const bareNs = await createNamespace(opts.address);
    const bare = await spawnTs('bench/src/worker-child.ts', env(bareNs, 'bare'), /bare worker: polling/, { nodeArgs: ['--expose-gc'] });
    procs.push(bare);
    await sleep(3000);
    const bareIdle = await rssOf(bare);
    opts.log(`opening ${opts.n * 2} bare sleeping workflows...`);
    const connection = await Connection.connect({ address: opts.address });
    const client = new Client({ connection, namespace: bareNs });
    await runConcurrently(opts.n * 2, 8, (i) => client.workflow.start('bareIdle', { workflowId: `bare-idle-${i}`, taskQueue: 'bench-bare-rss', args: [] }));
    await connection.close();
    await sleep(5000);
    const bareLoaded = await rssOf(bare);
    const mib = (x: number) => round(x / MiB);
    return {
      workflows: opts.n * 2,
      oursMiB: { idle: mib(oursIdle), loaded: mib(oursLoaded), per100: mib(((oursLoaded - oursIdle) / (opts.n * 2)) * 100) },
      bareMiB: { idle: mib(bareIdle), loaded: mib(bareLoaded), per100: mib(((bareLoaded - bareIdle) / (opts.n * 2)) * 100) },
      rssRatio: round(oursLoaded / bareLoaded),
      growthRatio: round((oursLoaded - oursIdle) / Math.max(1, bareLoaded - bareIdle)),
    };
  } finally {
    await Promise.allSettled(procs.map((p) => p.stop()));
    await stack.close();
  }
}
