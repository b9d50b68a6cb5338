/**
 * Rebuilds the PostgreSQL read model from Temporal, the source of truth: lists every workflow of the
 * product on the task queue through Temporal visibility, queries each one's state and projects it
 * through the activities' own projection functions. Idempotent: projections are monotonic by
 * stateVersion, so a row already at the workflow's version is left alone, and running it twice (or
 * alongside the worker) changes nothing more. Used after restoring a database, or when rows were lost.
 */
import { z } from 'zod';
import type { WorkflowHandle } from '@temporalio/client';
import { projectActionState, projectLifecycleRecord, projectProgrammeState, type LifecycleRecordProjection } from '@ip/activities';
import {
  ZCommandMeta,
  ZActionState,
  ZInformationRequestState,
  ZInterventionState,
  ZMonitoringVisitState,
  ZProgrammeState,
  type TInformationRequestState,
  type TInterventionState,
  type TMonitoringVisitState,
} from '@ip/domain';
import {
  actionStateQuery,
  informationRequestStateQuery,
  interventionStateQuery,
  monitoringVisitStateQuery,
  programmeStateQuery,
  TASK_QUEUE,
} from '@ip/workflows/definitions';
import type { Context } from '../context.js';
import { commandKey, workflowCommand } from '../receipts.js';
import { procedure, router } from '../trpc.js';

type Describe = Pick<LifecycleRecordProjection, 'programmeId' | 'onsCode' | 'title' | 'phase' | 'dueOn'>;
const earliestOpenDue = (clocks: { status: string; dueOn: string }[]): string | null =>
  clocks.filter((c) => c.status === 'running' || c.status === 'overdue').map((c) => c.dueOn).sort()[0] ?? null;

// The list columns of each lifecycle row, as each workflow's `describe` writes them (keep in step
// with monitoring-visit/, intervention/ and information-request/workflow.ts; the end-to-end test
// compares a rebuilt row with the one the workflow wrote).
export const describeVisit = (s: TMonitoringVisitState): Describe => ({
  programmeId: s.programmeId, onsCode: s.onsCode, title: `Monitoring visit ${s.number}: ${s.theme}`, phase: s.phase, dueOn: earliestOpenDue(s.clocks),
});
export const describeIntervention = (s: TInterventionState): Describe => ({
  programmeId: s.programmeId, onsCode: s.onsCode, title: `DfE intervention: ${s.authorityName}`, phase: s.phase, dueOn: earliestOpenDue(s.clocks),
});
export const describeRequest = (s: TInformationRequestState): Describe => ({
  programmeId: s.programmeId, onsCode: s.onsCode, title: `Information request: ${s.subject}`, phase: s.phase, dueOn: s.phase === 'open' ? s.dueOn : null,
});

/**
 * How each workflow type is re-projected. Queries return views (state plus time left); parsing with
 * the state's schema drops the view-only fields. An action's query recomputes its RAG for now, so a
 * rebuilt row carries the RAG as at the rebuild.
 */
const REPROJECT: Record<string, (ctx: Context, h: WorkflowHandle, nowMs: number) => Promise<void>> = {
  programmeWorkflow: async (ctx, h) => projectProgrammeState(ctx.prisma, ZProgrammeState.parse(await h.query(programmeStateQuery))),
  actionWorkflow: async (ctx, h) => projectActionState(ctx.prisma, ZActionState.parse(await h.query(actionStateQuery))),
  monitoringVisitWorkflow: async (ctx, h, now) => {
    const s = ZMonitoringVisitState.parse(await h.query(monitoringVisitStateQuery, now));
    await projectLifecycleRecord(ctx.prisma, { id: h.workflowId, kind: 'monitoring_visit', ...describeVisit(s), state: s, stateVersion: s.version });
  },
  interventionWorkflow: async (ctx, h, now) => {
    const s = ZInterventionState.parse(await h.query(interventionStateQuery, now));
    await projectLifecycleRecord(ctx.prisma, { id: h.workflowId, kind: 'intervention', ...describeIntervention(s), state: s, stateVersion: s.version });
  },
  informationRequestWorkflow: async (ctx, h, now) => {
    const s = ZInformationRequestState.parse(await h.query(informationRequestStateQuery, now));
    await projectLifecycleRecord(ctx.prisma, { id: h.workflowId, kind: 'information_request', ...describeRequest(s), state: s, stateVersion: s.version });
  },
};
export const WORKFLOW_TYPES = Object.keys(REPROJECT) as [string, ...string[]];

export const ZRebuildProjectionsInput = z.strictObject({
  /** Like every command: a retry with the same id answers with the first run's result. */
  clientRequestId: ZCommandMeta.shape.clientRequestId,
  /** Only these workflow types (default: all of them). */
  workflowTypes: z.array(z.enum(WORKFLOW_TYPES)).min(1).optional(),
  /** Per-workflow query deadline. A workflow whose task queue has no worker cannot answer. */
  queryTimeoutMs: z.number().int().min(1000).max(120_000).default(15_000),
});

export interface RebuildResult {
  scanned: number;
  projected: number;
  failed: number;
  /** The first failures, for the operator to look at. */
  failures: { workflowId: string; workflowType: string; message: string }[];
}

const CONCURRENCY = 8;

/** Lists, queries and re-projects; one workflow's failure is counted, never fatal. */
export async function rebuildProjections(ctx: Context, input: Pick<z.infer<typeof ZRebuildProjectionsInput>, 'workflowTypes' | 'queryTimeoutMs'>): Promise<RebuildResult> {
  const taskQueue = ctx.taskQueue ?? TASK_QUEUE;
  if (!/^[\w.:-]+$/.test(taskQueue)) throw new Error(`Unexpected task queue name: ${taskQueue}`);
  const todo: { workflowId: string; workflowType: string }[] = [];
  for (const workflowType of input.workflowTypes ?? WORKFLOW_TYPES) {
    const seen = new Set<string>();
    // Every run is listed (a continued-as-new programme has several); its id's latest run answers.
    for await (const wf of ctx.temporal.workflow.list({ query: `WorkflowType = "${workflowType}" AND TaskQueue = "${taskQueue}"` })) {
      if (seen.has(wf.workflowId)) continue;
      seen.add(wf.workflowId);
      todo.push({ workflowId: wf.workflowId, workflowType });
    }
  }
  const result: RebuildResult = { scanned: todo.length, projected: 0, failed: 0, failures: [] };
  const nowMs = ctx.now();
  let next = 0;
  async function lane(): Promise<void> {
    for (let item = todo[next++]; item; item = todo[next++]) {
      const { workflowId, workflowType } = item;
      try {
        const handle = ctx.temporal.workflow.getHandle(workflowId);
        await ctx.temporal.withDeadline(Date.now() + input.queryTimeoutMs, () => REPROJECT[workflowType]!(ctx, handle, nowMs));
        result.projected++;
      } catch (err) {
        result.failed++;
        if (result.failures.length < 20) result.failures.push({ workflowId, workflowType, message: err instanceof Error ? err.message : String(err) });
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, todo.length) }, lane));
  return result;
}

export const projectionsRouter = router({
  /** Admin only: re-projects every workflow's state into the read model. Returns {scanned, projected, failed}. */
  rebuild: procedure(['admin'])
    .input(ZRebuildProjectionsInput)
    .mutation(({ ctx, input, path }) => workflowCommand(ctx, commandKey(ctx, path, input), () => rebuildProjections(ctx, input))),
});
