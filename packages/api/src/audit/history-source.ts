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

/**
 * The first event's workflow type and the run it carried on from, if any: the run it continued as
 * new from, or the stopped run an admin restarted it from (its start arguments say which).
 */
export function runHeader(history: RawHistory): { workflowType: string; continuedFromRunId: string | null } {
  const a = history.events?.[0]?.workflowExecutionStartedEventAttributes;
  if (!a) throw new Error('A history must start with WorkflowExecutionStarted');
  const restartedFrom = a.continuedExecutionRunId ? null : restartedFromRunId(a.input?.payloads?.[0]?.data);
  return { workflowType: a.workflowType?.name ?? 'unknown', continuedFromRunId: a.continuedExecutionRunId || restartedFrom };
}

/** `restart.fromRunId` of a run's start arguments (JSON payload), if an admin restarted it. */
function restartedFromRunId(data: Uint8Array | null | undefined): string | null {
  if (!data) return null;
  try {
    const args = JSON.parse(Buffer.from(data).toString('utf8')) as { restart?: { fromRunId?: unknown } } | null;
    return typeof args?.restart?.fromRunId === 'string' ? args.restart.fromRunId : null;
  } catch {
    return null;
  }
}

/**
 * Reads histories from Temporal, following continue-as-new (and admins' restarts) back to the first
 * run. Pages are kept small: in the first workflow version every projection carried the whole state,
 * so one page of a long history could pass gRPC's 4 MB message limit (a 5,000-event action history
 * was ~50 MB).
 */
export class TemporalHistorySource implements HistorySource {
  private readonly opts: { maxRuns?: number; pageSize?: number };
  /** `opts` may also be a number: the most runs to follow (the first signature; kept working). */
  constructor(private readonly client: Client, opts: number | { maxRuns?: number; pageSize?: number } = {}) {
    this.opts = typeof opts === 'number' ? { maxRuns: opts } : opts;
  }

  async fetch(workflowId: string): Promise<WorkflowHistory> {
    const latest = await this.client.workflow.getHandle(workflowId).describe();
    const runs: WorkflowRun[] = [];
    let runId: string | null = latest.runId;
    while (runId && runs.length < (this.opts.maxRuns ?? 1000)) {
      const history = await this.fetchRun(workflowId, runId);
      runs.unshift({ runId, history });
      runId = runHeader(history).continuedFromRunId;
    }
    return { workflowId, workflowType: runHeader(runs[0]!.history).workflowType, runs };
  }

  private async fetchRun(workflowId: string, runId: string): Promise<RawHistory> {
    const events: RawEvent[] = [];
    let nextPageToken: Uint8Array | undefined;
    do {
      const page = await this.client.workflowService.getWorkflowExecutionHistory({
        namespace: this.client.options.namespace,
        execution: { workflowId, runId },
        maximumPageSize: this.opts.pageSize ?? 50,
        ...(nextPageToken ? { nextPageToken } : {}),
      });
      events.push(...(page.history?.events ?? []));
      nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
    } while (nextPageToken);
    return { events };
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
