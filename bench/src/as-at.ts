/**
 * Figure: time to rebuild an action's state "as at" the last event of a ≥5,000-event history (every
 * run of its continue-as-new chain), against bare `Worker.runReplayHistory` of the same runs,
 * measured in one run on one machine.
 *
 * The history is made on the real time-skipping Temporal test server: one action workflow taking
 * hundreds of progress updates, with working days skipped now and then so RAG reviews and ladder
 * reminders fire too. Pass `historyPath` to keep it (and reuse it on the next run).
 *
 * Standalone: `pnpm --filter @ip/bench exec tsx src/as-at.ts` (prints JSON).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { actionAsAt, eventIdOf, loadHistoryJson, TemporalHistorySource, type WorkflowHistory } from '@ip/api/audit';
import { actionWorkflowId, workflowsPath } from '@ip/workflows';
import { defaultCalendar, londonDateOf, type TActor } from '@ip/domain';

export interface AsAtFigureOptions {
  /** Minimum number of history events (default 5,000). */
  events?: number;
  /** Timed repetitions of each (default 15 as-at, 5 replays). */
  asAtRuns?: number;
  replayRuns?: number;
  /** Where to keep the generated history (JSON); loaded if present. */
  historyPath?: string;
  log?: (m: string) => void;
}
export interface AsAtFigure {
  events: number;
  asAtP50Ms: number;
  replayP50Ms: number;
  asAtRatio: number;
  asAtRuns: number;
  replayRuns: number;
}

const pm: TActor = { userId: 'u-pm', role: 'programme_manager', name: 'Priya Shah' };
const p50 = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]!; };
const round = (x: number) => Math.round(x * 100) / 100;

function testServerPath(): string | undefined {
  if (process.env.TEMPORAL_TEST_SERVER_PATH) return process.env.TEMPORAL_TEST_SERVER_PATH;
  const local = fileURLToPath(new URL('../../.tools/bin/temporal-test-server', import.meta.url));
  return existsSync(local) ? local : undefined;
}

async function buildHistory(minEvents: number, log: (m: string) => void): Promise<WorkflowHistory> {
  const path = testServerPath();
  const env = await TestWorkflowEnvironment.createTimeSkipping(path ? { server: { executable: { type: 'existing-path', path } } } : {});
  const taskQueue = `bench-as-at-${randomUUID()}`;
  const noop = async () => undefined;
  const worker = await Worker.create({
    connection: env.nativeConnection, taskQueue, workflowsPath,
    activities: { projectAction: noop, projectProgramme: noop, projectLifecycleRecord: noop, applyProjection: async () => 'written', recordEscalation: async () => ({ created: true }), deliverEscalation: async () => ({ sent: 0, held: 0, failed: 0, uncertain: 0, noRecipient: 0 }), ensureSchedule: async () => 'kpi-return' },
  });
  try {
    return await worker.runUntil(async () => {
      const today = londonDateOf(await env.currentTimeMs());
      const id = actionWorkflowId('programme-E09000099-1', randomUUID());
      const handle = await env.client.workflow.start('actionWorkflow', {
        workflowId: id, taskQueue,
        args: [{ definition: { programmeId: 'programme-E09000099-1', title: 'Return home interviews within 72 hours', owner: { name: 'Sam Patel' }, dueOn: defaultCalendar().addWorkingDays(today, 60), ofstedLinked: true }, actor: pm, reason: 'Priority 3 of the plan' }],
      });
      let events = 0;
      // Every run of the chain counts (the action continues as new at 4,000 events).
      const total = async () => (await new TemporalHistorySource(env.client).fetch(id)).runs.reduce((n, r) => n + (r.history.events?.length ?? 0), 0);
      for (let i = 0; events < minEvents; i++) {
        await handle.executeUpdate('updateActionProgress', { args: [{ actor: pm, reason: 'Weekly update', percentComplete: i % 100, note: `Update ${i}` }] });
        if (i % 25 === 24) {
          await env.sleep('1 day');
          events = await total();
          log(`history: ${events} events`);
        }
      }
      await env.sleep('60 days'); // the overdue ladder fires
      // The test server sends a history in one message (it ignores the page size): allow a large one.
      const big = await Connection.connect({ address: env.address, channelArgs: { 'grpc.max_receive_message_length': 512 * 2 ** 20 } });
      const history = await new TemporalHistorySource(new Client({ connection: big, namespace: env.client.options.namespace })).fetch(id).finally(() => big.close());
      await handle.terminate('bench history captured');
      return history;
    });
  } finally {
    await env.teardown();
  }
}

export async function asAtFigure(opts: AsAtFigureOptions = {}): Promise<AsAtFigure> {
  const log = opts.log ?? (() => undefined);
  const minEvents = opts.events ?? 5000;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  let history: WorkflowHistory;
  if (opts.historyPath && existsSync(opts.historyPath)) {
    const saved = JSON.parse(readFileSync(opts.historyPath, 'utf8')) as { workflowId: string; runs: { runId: string; history: unknown }[] };
    const loaded = saved.runs.map((r) => loadHistoryJson(r.history, saved.workflowId));
    history = { ...loaded[0]!, runs: loaded.flatMap((h) => h.runs) };
  } else {
    history = await buildHistory(minEvents, log);
    if (opts.historyPath) writeFileSync(opts.historyPath, JSON.stringify({ workflowId: history.workflowId, runs: history.runs.map((r) => ({ runId: r.runId, history: JSON.parse(historyToJSON(r.history as never)) as unknown })) }));
  }
  const events = history.runs.reduce((n, r) => n + (r.history.events?.length ?? 0), 0);
  const lastRun = history.runs.at(-1)!;
  const lastEventId = eventIdOf(lastRun.history.events!.at(-1)!);
  const workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
  // What the replayer is given is the same histories, as the exported JSON becomes on reading.
  const forReplay = history.runs.map((r) => historyFromJSON(JSON.parse(historyToJSON(r.history as never))));

  const asAtMs: number[] = [];
  const replayMs: number[] = [];
  const asAtRuns = opts.asAtRuns ?? 15;
  const replayRuns = opts.replayRuns ?? 5;
  let version = 0;
  for (let i = 0; i < asAtRuns; i++) {
    const t0 = performance.now();
    version = actionAsAt(history, { eventId: lastEventId, runId: lastRun.runId }).state?.version ?? 0;
    asAtMs.push(performance.now() - t0);
  }
  for (let i = 0; i < replayRuns; i++) {
    const t0 = performance.now();
    for (const h of forReplay) await Worker.runReplayHistory({ workflowBundle }, h, history.workflowId);
    replayMs.push(performance.now() - t0);
  }
  log(`as at event ${lastEventId}: state version ${version}; as-at runs ${asAtMs.map(round).join(', ')} ms; replays ${replayMs.map(round).join(', ')} ms`);
  const asAtP50Ms = round(p50(asAtMs));
  const replayP50Ms = round(p50(replayMs));
  return { events, asAtP50Ms, replayP50Ms, asAtRatio: Math.round((asAtP50Ms / replayP50Ms) * 10_000) / 10_000, asAtRuns, replayRuns };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const historyPath = process.env.AS_AT_HISTORY ?? undefined;
  console.log(JSON.stringify(await asAtFigure({ historyPath, log: (m) => console.error(`[as-at] ${m}`) }), null, 2));
}
