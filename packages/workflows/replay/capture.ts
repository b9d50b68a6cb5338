/**
 * Captures golden histories: `pnpm --filter @ip/workflows capture-histories [name…]`. Run it when a
 * new workflow path is worth protecting; never re-capture an existing file to make a replay pass
 * (that is exactly the breakage the replay test exists to catch).
 *
 * For each workflow a scenario names it writes every run of its continue-as-new chain
 * (`<name>.json`, then `<name>@run2.json`, …) and, for machine-runner workflows, the states the
 * workflow projected (`<name>.states.json`: the read model's state at each version, as the
 * projection deltas built it), which the audit fold must reproduce (packages/api golden.test.ts).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTestWorker, createTimeSkippingEnv } from '../testing/env.js';
import { SCENARIOS } from './scenarios.js';
import { fakeActivities } from '../testing/fake-activities.js';
import { HISTORIES_DIR } from './histories.js';

/** Every run of a workflow, oldest first (follows continue-as-new back from the latest). */
async function allRuns(env: TestWorkflowEnvironment, workflowId: string): Promise<temporal.api.history.v1.IHistory[]> {
  const runs: temporal.api.history.v1.IHistory[] = [];
  let runId: string | undefined = (await env.client.workflow.getHandle(workflowId).describe()).runId;
  while (runId) {
    const history = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.unshift(history);
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  }
  return runs;
}

const env = await createTimeSkippingEnv();
const taskQueue = `capture-${randomUUID()}`;
const fake = fakeActivities();
const worker = await createTestWorker(env, fake.activities, taskQueue);
const only = process.argv.slice(2);
await worker.runUntil(async () => {
  for (const s of SCENARIOS) {
    if (only.length && !only.includes(s.name)) continue;
    const file = join(HISTORIES_DIR, `${s.name}.json`);
    if (existsSync(file) && !only.includes(s.name)) {
      console.log(`keep     ${s.name} (already captured)`);
      continue;
    }
    const ids = [await s.run(env, taskQueue)].flat();
    for (const [i, id] of ids.entries()) {
      const base = i === 0 ? s.name : `${s.name}--${i}`;
      const runs = await allRuns(env, id);
      for (const [r, history] of runs.entries()) {
        const out = join(HISTORIES_DIR, r === 0 ? `${base}.json` : `${base}@run${r + 1}.json`);
        // Proto3 JSON, the format the Temporal CLI and UI export, so auditors' exports replay the same way.
        writeFileSync(out, historyToJSON(history) + '\n');
        console.log(`captured ${out.split('/').at(-1)}: ${history.events?.length} events`);
      }
      const states = fake.projectedStates.get(id);
      if (states?.length) {
        writeFileSync(join(HISTORIES_DIR, `${base}.states.json`), JSON.stringify({ workflowId: id, states }) + '\n');
        console.log(`captured ${base}.states.json: ${states.length} projected states`);
      }
    }
  }
});
await env.teardown();
