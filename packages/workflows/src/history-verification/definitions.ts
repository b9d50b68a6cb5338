/** "Verify all histories": one workflow per HistoryVerification job, with the job's id. */
export function historyVerificationWorkflowId(jobId: string): string {
  return `history-verification-${jobId}`;
}

export interface HistoryVerificationWorkflowArgs {
  jobId: string;
  /** Only Temporal executions on this task queue (the archive is always read whole). */
  taskQueue?: string;
}
