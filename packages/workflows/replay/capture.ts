/**
 * Captures golden histories: `pnpm --filter @ip/workflows capture-histories`. Run it when a new
 * workflow path is worth protecting; never re-capture an existing file to make a replay pass
 * (that is exactly the breakage the replay test exists to catch).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { createTestWorker, createTimeSkippingEnv } from '../testing/env.js';
import { SCENARIOS } from './scenarios.js';
import { fakeActivities } from '../testing/fake-activities.js';
import { HISTORIES_DIR } from './histories.js';

const env = await createTimeSkippingEnv();
const taskQueue = `capture-${randomUUID()}`;
const worker = await createTestWorker(env, fakeActivities().activities, taskQueue);
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
      const history = await env.client.workflow.getHandle(id).fetchHistory();
      const out = i === 0 ? file : join(HISTORIES_DIR, `${s.name}--${i}.json`);
      // Proto3 JSON, the format the Temporal CLI and UI export, so auditors' exports replay the same way.
      writeFileSync(out, historyToJSON(history) + '\n');
      console.log(`captured ${out.split('/').at(-1)}: ${history.events?.length} events`);
    }
  }
});
await env.teardown();
