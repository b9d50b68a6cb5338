/** The workflows package's committed golden histories as WorkflowHistory values (tests, bench). */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { runHeader, type RawHistory, type WorkflowHistory } from './history-source.js';

export const GOLDEN_DIR = fileURLToPath(new URL('../../../workflows/histories/', import.meta.url));

export function loadHistoryJson(json: unknown, workflowId: string): WorkflowHistory {
  const history = historyFromJSON(json) as RawHistory;
  const runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.originalExecutionRunId ?? 'run-1';
  return { workflowId, workflowType: runHeader(history).workflowType, runs: [{ runId, history }] };
}

export function goldenWorkflowHistories(): { file: string; history: WorkflowHistory }[] {
  return readdirSync(GOLDEN_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      // The workflow id is not in a run's history; the golden files are named after it.
      return { file, history: loadHistoryJson(JSON.parse(readFileSync(GOLDEN_DIR + file, 'utf8')), file.replace(/\.json$/, '')) };
    });
}
