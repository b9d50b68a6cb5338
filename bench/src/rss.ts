/**
 * Figure 5: worker memory holding 100 open programme + 100 open action workflows (started with the
 * arguments the API gives them, cached in the worker exactly as in production) against a worker holding 200 bare
 * sleeping workflows, each worker alone in a child process started with --expose-gc, measured after
 * warm-up and a forced GC. `rssRatio` = RSS ours / RSS bare; the per-100 growth over each worker's
 * own idle RSS is reported too.
 */
import { once } from 'node:events';
import { Client, Connection } from '@temporalio/client';
import { addDays, ZActionDefinition } from '@ip/domain';
import { actionWorkflowId, programmeWorkflowId, TASK_QUEUE } from '@ip/workflows/definitions';
import { actionInput, insertAuthorities } from './fixtures.js';
import { round } from './start.js';
import { createNamespace, runConcurrently, spawnTs, startStack, type Proc } from './stack.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MiB = 2 ** 20;

async function rssOf(p: Proc): Promise<number> {
  p.child.send('rss');
  const [m] = (await once(p.child, 'message')) as [{ rss: number }];
  return m.rss;
}

export async function benchRss(opts: { address: string; n: number; log: (m: string) => void }) {
  const stack = await startStack({ address: opts.address, workers: 0, apis: 0, log: opts.log });
  const procs: Proc[] = [];
  const env = (namespace: string, kind: string) => ({ WORKER_KIND: kind, DATABASE_URL: stack.databaseUrl, TEMPORAL_ADDRESS: opts.address, TEMPORAL_NAMESPACE: namespace, TASK_QUEUE: kind === 'ours' ? '' : 'bench-bare-rss' });
  try {
    const ours = await spawnTs('bench/src/worker-child.ts', env(stack.namespace, 'ours'), /ours worker: polling/, { nodeArgs: ['--expose-gc'] });
    procs.push(ours);
    await sleep(3000);
    const oursIdle = await rssOf(ours);
    const codes = await insertAuthorities(stack.prisma, opts.n);
    opts.log(`opening ${opts.n} programme and ${opts.n} action workflows (started as the API starts them)...`);
    const connection = await Connection.connect({ address: opts.address });
    const ourClient = new Client({ connection, namespace: stack.namespace });
    const actor = { userId: 'u-bench', role: 'programme_manager' as const, name: 'Bench' };
    await runConcurrently(opts.n, 8, async (i) => {
      const programmeId = programmeWorkflowId(codes[i]!, 1);
      await ourClient.workflow.start('programmeWorkflow', { workflowId: programmeId, taskQueue: TASK_QUEUE, args: [{ programmeId, onsCode: codes[i]!, authorityName: `Bench Authority ${i + 1}`, cycle: 1, actor, reason: 'Bench: memory' }] });
      const { clientRequestId, reason, ...definition } = actionInput(programmeId, i, addDays('2027-03-01', i));
      await ourClient.workflow.start('actionWorkflow', { workflowId: actionWorkflowId(programmeId, clientRequestId.slice(0, 16)), taskQueue: TASK_QUEUE, args: [{ definition: ZActionDefinition.parse(definition), actor, reason }] });
    });
    // Every workflow has run its first task and projected itself before memory is read.
    for (let t = 0; t < 300; t++) {
      const [p, a] = await Promise.all([stack.prisma.programme.count(), stack.prisma.action.count()]);
      if (p >= opts.n && a >= opts.n) break;
      await sleep(1000);
    }
    await sleep(5000);
    const oursLoaded = await rssOf(ours);

    const bareNs = await createNamespace(opts.address);
    const bare = await spawnTs('bench/src/worker-child.ts', env(bareNs, 'bare'), /bare worker: polling/, { nodeArgs: ['--expose-gc'] });
    procs.push(bare);
    await sleep(3000);
    const bareIdle = await rssOf(bare);
    opts.log(`opening ${opts.n * 2} bare sleeping workflows...`);
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
      /** Growth over the idle worker, ours / bare; null when the bare worker did not grow measurably (< 1 MiB). */
      growthRatio: bareLoaded - bareIdle > MiB ? round((oursLoaded - oursIdle) / (bareLoaded - bareIdle)) : null,
    };
  } finally {
    await Promise.allSettled(procs.map((p) => p.stop()));
    await stack.close();
  }
}
