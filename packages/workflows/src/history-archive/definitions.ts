/** The history archive: a Temporal Schedule starts historyArchiveWorkflow every hour. */
export const HISTORY_ARCHIVE_SCHEDULE_ID = 'history-archive';

export interface HistoryArchiveWorkflowArgs {
  /** Only executions on this task queue (default: every closed execution in the namespace). */
  taskQueue?: string;
  /** At most this many new histories per run (default 500); the next run carries on. */
  limit?: number;
}

/** How often the Schedule runs: closed workflows are archived well inside any retention period. */
export const HISTORY_ARCHIVE_INTERVAL = '1 hour';
