/**
 * Figure 10: what one action's history costs as it lives. One action workflow takes weekly progress
 * updates (the same payload size each time) on the real time-skipping Temporal server; beside it, a
 * bare workflow takes the same Updates with the same payloads and stores nothing (bare/workflows.ts
 * bareUpdates): Temporal's own floor for those Updates, measured in the same run.
 *
 *  - historyBytesRatio: bytes of every run of our action's history after N updates (default 300) over
 *    the bare workflow's after the same N (target ≤ 2);
 *  - historyBytesPerUpdate: the bytes each update added between checkpoints, which must stay flat
 *    (not grow with the count): `perUpdateGrowth` = bytes per update over the last stretch / over the
 *    first (≈ 1 when linear; it was > 20 when every projection and reply carried the whole state).
 * Bytes are the encoded protobuf size of the histories (what Temporal's 50 MB limit counts).
 *
 * Standalone: `pnpm --filter @ip/bench exec tsx src/history-bytes.ts` (prints JSON; HISTORY_UPDATES=500).
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkflowHandle } from '@temporalio/client';
import proto from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { mergeProjection, type ProjectionDelta } from '@ip/activities';
import { defaultCalendar, londonDateOf, type TActor } from '@ip/domain';
import { actionWorkflowId, workflowsPath } from '@ip/workflows';

export interface HistoryBytesFigure {
  updates: number;
  checkpoints: { updates: number; ours: { events: number; bytes: number; runs: number }; bare: { events: number; bytes: number } }[];
  historyBytesRatio: number;
  historyBytesPerUpdate: number;
  bareBytesPerUpdate: number;
  perUpdateGrowth: number;
}

const owner: TActor = { userId: 'u-owner', role: 'programme_manager', name: 'Sam Patel' };

function testServerPath(): string | undefined {
  if (process.env.TEMPORAL_TEST_SERVER_PATH) return process.env.TEMPORAL_TEST_SERVER_PATH;
  const local = fileURLToPath(new URL('../../.tools/bin/temporal-test-server', import.meta.url));
  return existsSync(local) ? local : undefined;
}

/** Events and encoded bytes of every run of a workflow. */
async function size(env: TestWorkflowEnvironment, id: string): Promise<{ events: number; bytes: number; runs: number }> {
  let runId: string | undefined = (await env.client.workflow.getHandle(id).describe()).runId;
  const out = { events: 0, bytes: 0, runs: 0 };
  while (runId) {
    const h = await env.client.workflow.getHandle(id, runId).fetchHistory();
    out.events += h.events?.length ?? 0;
    out.bytes += proto.temporal.api.history.v1.History.encode(h).finish().length;
    out.runs += 1;
    runId = h.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  }
  return out;
}

export async function historyBytesFigure(opts: { updates?: number; log?: (m: string) => void } = {}): Promise<HistoryBytesFigure> {
  const log = opts.log ?? (() => undefined);
  const updates = opts.updates ?? 300;
  const marks = [10, 100, 300, 500].filter((m) => m < updates).concat(updates);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const path = testServerPath();
  const env = await TestWorkflowEnvironment.createTimeSkipping(path ? { server: { executable: { type: 'existing-path', path } } } : {});
  const rows = new Map<string, { state: Record<string, unknown>; version: number }>();
  const activities = {
    async applyProjection(d: ProjectionDelta) {
      rows.set(d.id, mergeProjection(rows.get(d.id), d));
      return 'written';
    },
    recordEscalation: async () => ({ created: true }),
    deliverEscalation: async () => ({ sent: 0, held: 0, failed: 0, uncertain: 0, noRecipient: 0 }),
  };
  const ours = `bench-history-${randomUUID()}`;
  const bare = `bench-history-bare-${randomUUID()}`;
  const workers = await Promise.all([
    Worker.create({ connection: env.nativeConnection, taskQueue: ours, workflowBundle: await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') }), activities }),
    Worker.create({ connection: env.nativeConnection, taskQueue: bare, workflowsPath: fileURLToPath(new URL('./bare/workflows.ts', import.meta.url)), activities: {} }),
  ]);
  const running = workers.map((w) => w.run());
  try {
    const cal = defaultCalendar();
    const today = londonDateOf(await env.currentTimeMs());
    const id = actionWorkflowId('programme-E09000099-1', randomUUID());
    // Due far enough out that no ladder step fires: only the Updates differ between the two.
    const action = await env.client.workflow.start('actionWorkflow', { workflowId: id, taskQueue: ours, args: [{
      actor: owner, reason: 'From the improvement plan',
      definition: { programmeId: 'programme-E09000099-1', title: 'Return home interviews within 72 hours', owner: { name: 'Sam Patel' }, dueOn: cal.addWorkingDays(today, 2000), ofstedLinked: false } }] });
    const floor = await env.client.workflow.start('bareUpdates', { workflowId: `bare-${randomUUID()}`, taskQueue: bare, args: [] });
    const checkpoints: HistoryBytesFigure['checkpoints'] = [];
    const send = (h: WorkflowHandle, i: number) => h.executeUpdate('updateActionProgress', { args: [{
      actor: owner, reason: 'Weekly update', percentComplete: 10 + (i % 80), note: `Week ${String(i).padStart(4, '0')}: visits audited, training booked` }] });
    for (let i = 1; i <= updates; i++) {
      await Promise.all([send(action, i), send(floor, i)]);
      if (marks.includes(i)) {
        const point = { updates: i, ours: await size(env, action.workflowId), bare: await size(env, floor.workflowId) };
        checkpoints.push(point);
        log(`after ${i} updates: ours ${point.ours.events} events / ${point.ours.bytes} B in ${point.ours.runs} run(s); bare ${point.bare.events} events / ${point.bare.bytes} B`);
      }
    }
    const last = checkpoints.at(-1)!;
    const first = checkpoints[0]!;
    const before = checkpoints.at(-2)!;
    const perUpdate = (a: typeof last, b: typeof last) => (b.ours.bytes - a.ours.bytes) / (b.updates - a.updates);
    const early = perUpdate(first, checkpoints[1] ?? last);
    const late = perUpdate(before, last);
    await Promise.all([action.terminate('bench done'), floor.terminate('bench done')]);
    return {
      updates,
      checkpoints,
      historyBytesRatio: Math.round((last.ours.bytes / last.bare.bytes) * 100) / 100,
      historyBytesPerUpdate: Math.round(late),
      bareBytesPerUpdate: Math.round((last.bare.bytes - before.bare.bytes) / (last.updates - before.updates)),
      perUpdateGrowth: Math.round((late / early) * 100) / 100,
    };
  } finally {
    workers.forEach((w) => w.shutdown());
    await Promise.all(running);
    await env.teardown();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const updates = Number(process.env.HISTORY_UPDATES ?? '300');
  console.log(JSON.stringify(await historyBytesFigure({ updates, log: (m) => console.error(`[history-bytes] ${m}`) }), null, 2));
}
