/**
 * Where workflow histories come from. Temporal is one source; an archive (PostgreSQL) can be another
 * behind the same interface, so everything in audit/ works on either.
 */
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';

export type RawHistory = temporal.api.history.v1.IHistory;
export type RawEvent = temporal.api.history.v1.IHistoryEvent;

/** One run of a workflow (a continue-as-new chain has several, oldest first). */
export interface WorkflowRun {
  runId: string;
  history: RawHistory;
}

/** A workflow's whole history, every run, oldest first. */
export interface WorkflowHistory {
  workflowId: string;
  /** The workflow type, e.g. 'programmeWorkflow', 'actionWorkflow'. */
  workflowType: string;
  runs: WorkflowRun[];
}

export interface HistorySource {
  /** Every run of the workflow, oldest first; throws WorkflowNotFound-like errors from the store. */
  fetch(workflowId: string): Promise<WorkflowHistory>;
}

/** The first event's workflow type and the run it continued from, if any. */
export function runHeader(history: RawHistory): { workflowType: string; continuedFromRunId: string | null } {
  const a = history.events?.[0]?.workflowExecutionStartedEventAttributes;
  if (!a) throw new Error('A history must start with WorkflowExecutionStarted');
  return { workflowType: a.workflowType?.name ?? 'unknown', continuedFromRunId: a.continuedExecutionRunId || null };
}

/** Reads histories from Temporal, following continue-as-new back to the first run. */
export class TemporalHistorySource implements HistorySource {
  constructor(private readonly client: Client, private readonly maxRuns = 1000) {}

  async fetch(workflowId: string): Promise<WorkflowHistory> {
    const latest = await this.client.workflow.getHandle(workflowId).describe();
    const runs: WorkflowRun[] = [];
    let runId: string | null = latest.runId;
    while (runId && runs.length < this.maxRuns) {
      const history = await this.client.workflow.getHandle(workflowId, runId).fetchHistory();
      runs.unshift({ runId, history });
      runId = runHeader(history).continuedFromRunId;
    }
    return { workflowId, workflowType: runHeader(runs[0]!.history).workflowType, runs };
  }
}

/** A source over histories already in memory (tests, committed fixtures, the bench). */
export class MemoryHistorySource implements HistorySource {
  constructor(private readonly histories: ReadonlyMap<string, WorkflowHistory>) {}
  async fetch(workflowId: string): Promise<WorkflowHistory> {
    const h = this.histories.get(workflowId);
    if (!h) throw Object.assign(new Error(`No history for workflow ${workflowId}`), { name: 'WorkflowNotFoundError' });
    return h;
  }
}
