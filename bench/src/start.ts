/**
 * Figure 2: starting a programme through the API over HTTP (sign-in cookie, zod, receipts, authority
 * checks, workflow start, the programme's first read-model row) against a bare `client.workflow.start`
 * on the same server, interleaved so both see the same noise. `startRatio` = p50 ours / p50 bare.
 *
 * Ours answers with the programme as it starts (the API writes that row); the worker's first task,
 * projection and the KPI-return Schedule follow, and each measurement waits (untimed) for them to
 * finish first. A second floor starts a workflow whose first activity writes a row and polls for
 * the row, giving `startRatioVsStartAndProject` (what the create used to wait for).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Client, Connection } from '@temporalio/client';
import { kpiReturnScheduleId } from '@ip/workflows/definitions';
import { BENCH_FIRED_SQL } from './bare/activities.js';
import { insertAuthorities } from './fixtures.js';
import { signedInClient, spawnTs, type Proc, type Stack } from './stack.js';
import { summary } from './stats.js';

export async function benchStart(stack: Stack, opts: { n: number; log: (m: string) => void }) {
  const codes = await insertAuthorities(stack.prisma, opts.n + 5);
  const trpc = await signedInClient(stack.apiUrls[0]!);
  const connection = await Connection.connect({ address: stack.address });
  const client = new Client({ connection, namespace: stack.namespace });
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  await pool.query(BENCH_FIRED_SQL);
  const worker: Proc = await spawnTs('bench/src/worker-child.ts', { WORKER_KIND: 'bare', DATABASE_URL: stack.databaseUrl, TEMPORAL_ADDRESS: stack.address, TEMPORAL_NAMESPACE: stack.namespace, TASK_QUEUE: 'bench-bare-start' }, /bare worker: polling/);
  const ours: number[] = [];
  const bare: number[] = [];
  const bareProjected: number[] = [];
  const floorProjected = async () => {
    const id = `bare-start-${randomUUID()}`;
    await client.workflow.start('bareStartThenMark', { workflowId: id, taskQueue: 'bench-bare-start', args: [id] });
    for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
      if ((await pool.query('SELECT 1 FROM bench_fired WHERE id = $1', [id])).rowCount) return;
      await new Promise((r) => setTimeout(r, delay));
    }
  };
  const api = (code: string) => trpc.programmes.create.mutate({ onsCode: code, clientRequestId: randomUUID(), reason: 'Bench: judged inadequate' });
  // Untimed: the create answers before the worker has projected the workflow's first state and created
  // its KPI-return Schedule; wait for that work to finish so it does not slow the next measurement
  // (the bare start after it, mostly), as it could not when the create waited for it.
  const settle = async (id: string) => {
    const schedule = client.schedule.getHandle(kpiReturnScheduleId(id));
    for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
      const row = await pool.query<{ v: number }>('SELECT state_version AS v FROM programme WHERE id = $1', [id]);
      if ((row.rows[0]?.v ?? 0) >= 1 && (await schedule.describe().then(() => true, () => false))) return;
      await new Promise((r) => setTimeout(r, delay));
    }
  };
  const floor = () => client.workflow.start('bareIdle', { workflowId: `bare-start-${randomUUID()}`, taskQueue: 'bench-bare-start', args: [] });
  try {
    for (let i = 0; i < 5; i++) { await settle((await api(codes[opts.n + i]!)).data.id); await floor(); await floorProjected(); } // warm-up
    opts.log(`starting ${opts.n} programmes through the API and ${opts.n} bare workflows, interleaved...`);
    for (let i = 0; i < opts.n; i++) {
      let t = performance.now(); const { data } = await api(codes[i]!); ours.push(performance.now() - t);
      await settle(data.id);
      t = performance.now(); await floor(); bare.push(performance.now() - t);
      t = performance.now(); await floorProjected(); bareProjected.push(performance.now() - t);
    }
  } finally {
    await connection.close();
    await worker.stop();
    await pool.end();
  }
  const a = summary(ours);
  const b = summary(bare);
  const c = summary(bareProjected);
  return { n: opts.n, api: a, bareStart: b, bareStartAndProject: c, startRatio: round(a.p50 / b.p50), startRatioVsStartAndProject: round(a.p50 / c.p50) };
}

export const round = (x: number) => Math.round(x * 100) / 100;
