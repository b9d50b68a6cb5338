/** The workflows package's committed golden histories as WorkflowHistory values (tests, bench). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { runHeader, type RawHistory, type WorkflowHistory } from './history-source.js';

export const GOLDEN_DIR = fileURLToPath(new URL('../../../workflows/histories/', import.meta.url));

export function loadHistoryJson(json: unknown, workflowId: string): WorkflowHistory {
  const history = historyFromJSON(json);
  return { workflowId, workflowType: runHeader(history).workflowType, runs: [{ runId: runIdOf(history), history }] };
}

function runIdOf(history: RawHistory): string {
  const a = history.events?.[0]?.workflowExecutionStartedEventAttributes;
  return a?.originalExecutionRunId ?? 'run-1';
}

/** What a machine-runner workflow projected, version by version (captured with its history). */
export interface ProjectedStates {
  workflowId: string;
  states: { version: number; state: Record<string, unknown> }[];
}

/**
 * Every golden workflow: `<name>.json` is its first run, `<name>@runN.json` the runs continue-as-new
 * started after it, and `<name>.states.json` (machine-runner workflows) the states it projected.
 */
export function goldenWorkflowHistories(): { file: string; history: WorkflowHistory; projected: ProjectedStates | null }[] {
  const files = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.states.json'));
  return files
    .filter((f) => !f.includes('@run'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.json$/, '');
      const runFiles = [file, ...files.filter((f) => f.startsWith(`${name}@run`)).sort((a, b) => runNumber(a) - runNumber(b))];
      const runs = runFiles.map((f) => {
        const history = historyFromJSON(JSON.parse(readFileSync(GOLDEN_DIR + f, 'utf8')));
        return { runId: history.events?.[0]?.workflowExecutionStartedEventAttributes?.originalExecutionRunId ?? f, history };
      });
      const statesFile = `${GOLDEN_DIR}${name}.states.json`;
      const projected = existsSync(statesFile) ? (JSON.parse(readFileSync(statesFile, 'utf8')) as ProjectedStates) : null;
      // The workflow id is not in a run's history; the golden files are named after it (or the states say it).
      const workflowId = projected?.workflowId ?? name;
      return { file, projected, history: { workflowId, workflowType: runHeader(runs[0]!.history).workflowType, runs } };
    });
}

function runNumber(file: string): number {
  return Number(/@run(\d+)\.json$/.exec(file)?.[1] ?? 1);
}
