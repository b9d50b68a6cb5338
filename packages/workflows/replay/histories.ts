import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import type { temporal } from '@temporalio/proto';

export const HISTORIES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'histories');

/** The committed golden histories, as { workflowId, history } pairs for Worker.runReplayHistories. */
export function goldenHistories(): { workflowId: string; history: temporal.api.history.v1.IHistory; file: string }[] {
  return readdirSync(HISTORIES_DIR)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.states.json'))
    .sort()
    .map((file) => ({
      file,
      workflowId: file.replace(/\.json$/, ''),
      history: historyFromJSON(JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8'))),
    }));
}
