/**
 * Figure 1 (and its half of figure 8): from a deadline to the escalation visible through the API
 * (escalations.getList polled over HTTP), against a bare workflow `sleep` to the same kind of instant
 * that then runs one activity writing a row (polled with raw SQL), on the same server in the same run.
 *
 * Deadlines are working-day instants (the end of the due date in London), so a real one is hours or
 * days away; the bench therefore runs on Temporal's time-skipping test server (the same binary the
 * timer tests use): it skips to one second before the deadline, lets everything settle, and then
 * `unlockTimeSkippingWithSleep` carries the clock across the deadline. Latency = wall time from that
 * moment to the row being visible. Both sides fire n timers at one instant (a burst), so p99 also
 * shows how the burst drains; throughput = n / time to the last one.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_ACTION_LADDER, WorkingDayCalendar, endOfLondonDayUtcMs, londonDateOf, scheduleLadder } from '@ip/domain';
import { BENCH_FIRED_SQL } from './bare/activities.js';
import { actionInput } from './fixtures.js';
import { round } from './start.js';
import { retrying, runConcurrently, signedInClient, spawnTs, startStack, type Proc } from './stack.js';
import { summary } from './stats.js';

const PROGRAMME_ID = 'programme-E09000099-1';
const BARE_QUEUE = 'bench-bare-escalation';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchEscalation(opts: { testServerPath?: string; n: number; workers: number; apis: number; log: (m: string) => void }) {
  const env = await TestWorkflowEnvironment.createTimeSkipping(opts.testServerPath ? { server: { executable: { type: 'existing-path', path: opts.testServerPath } } } : {});
  let bare: Proc | undefined;
  const stack = await startStack({ address: env.address, namespace: 'default', workers: opts.workers, apis: opts.apis, log: opts.log }).catch(async (e) => { await env.teardown(); throw e; });
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 4 });
  try {
    await pool.query(BENCH_FIRED_SQL);
    bare = await spawnTs('bench/src/worker-child.ts', { WORKER_KIND: 'bare', DATABASE_URL: stack.databaseUrl, TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: 'default', TASK_QUEUE: BARE_QUEUE }, /bare worker: polling/);
    const authority = await stack.prisma.localAuthority.findUniqueOrThrow({ where: { onsCode: 'E09000099' } });
    await stack.prisma.programme.upsert({
      where: { id: PROGRAMME_ID }, update: {},
      create: { id: PROGRAMME_ID, authorityId: authority.id, cycle: 1, phase: 'action_planning', state: {}, stateVersion: 1, startedAt: new Date() },
    });

    // The next working day's deadline: every reminder before it is already past at creation, so
    // the first thing each action does by itself is the red-0 escalation at the end of that day.
    const calendar = new WorkingDayCalendar();
    const vnow = await env.currentTimeMs();
    const dueOn = calendar.addWorkingDays(londonDateOf(vnow), 1);
    const deadline = endOfLondonDayUtcMs(dueOn);
    const red0 = scheduleLadder(DEFAULT_ACTION_LADDER, dueOn, calendar).find((s) => s.step.id === 'red-0')!;
    if (red0.fireAt !== deadline) throw new Error('red-0 is not at the deadline');
    const bareDeadline = deadline + 3_600_000; // an hour later, so the two bursts do not overlap

    const clients = await Promise.all(stack.apiUrls.map((u) => signedInClient(u)));
    opts.log(`creating ${opts.n} actions due ${dueOn} through the API and ${opts.n} bare sleeping workflows...`);
    const stats = { retries: 0 };
    const created = await runConcurrently(opts.n, 8, (i) => {
      const input = actionInput(PROGRAMME_ID, i, dueOn);
      return retrying(() => clients[i % clients.length]!.actions.create.mutate(input), stats);
    });
    if (created.errors.length) throw new Error(`action create failed: ${created.errors[0]}`);
    const bareIds = Array.from({ length: opts.n }, () => `bare-esc-${randomUUID()}`);
    await Promise.all(bareIds.map((id) => env.client.workflow.start('bareSleepThenMark', { workflowId: id, taskQueue: BARE_QUEUE, args: [id, bareDeadline] })));

    const cross = async (at: number, poll: () => Promise<string[]>) => {
      await env.sleep(at - 1000 - (await env.currentTimeMs()));
      await sleep(3000); // settle: timers before the deadline (RAG reviews) have run
      const seen = new Map<string, number>();
      const t0 = performance.now();
      await env.sleep(1001);
      const until = t0 + 120_000;
      while (seen.size < opts.n && performance.now() < until) {
        const ids = await poll();
        const now = performance.now();
        for (const id of ids) if (!seen.has(id)) seen.set(id, now - t0);
        await sleep(10);
      }
      const ms = [...seen.values()];
      return { seen: seen.size, latency: summary(ms.length ? ms : [NaN]), drainMs: round(Math.max(...ms)), perSecond: round((seen.size / Math.max(...ms)) * 1000) };
    };
    const reader = clients[0]!;
    opts.log(`crossing the actions' deadline (${new Date(deadline).toISOString()})...`);
    const ours = await cross(deadline, async () => {
      const r = await reader.escalations.getList.query({ pagination: { page: 1, perPage: 500 }, sort: { field: 'firedAt', order: 'ASC' }, filter: { stepId: 'red-0' } });
      return r.data.filter((e) => e.stepId === 'red-0').map((e) => e.id);
    });
    opts.log(`crossing the bare workflows' deadline...`);
    const floor = await cross(bareDeadline, async () => (await pool.query<{ id: string }>('SELECT id FROM bench_fired')).rows.map((r) => r.id));
    return {
      n: opts.n, createRetries: stats.retries, workerProcesses: opts.workers, apiProcesses: opts.apis, server: 'time-skipping test server', dueOn,
      ours, bare: floor,
      escalationOverheadP99Ms: round(ours.latency.p99 - floor.latency.p99),
      escalationOverheadP50Ms: round(ours.latency.p50 - floor.latency.p50),
    };
  } finally {
    await pool.end();
    await bare?.stop();
    await stack.close();
    await env.teardown();
  }
}
