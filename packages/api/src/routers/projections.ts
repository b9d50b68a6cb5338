/**
 * Rebuilds the PostgreSQL read model from Temporal, the source of truth: lists every workflow of the
 * product on the task queue through Temporal visibility, folds each one's history (every run) into
 * its state through the workflow's own decisions (audit/), and projects that whole state through the
 * activities' own projection functions. No worker is needed, closed workflows rebuild too, and a row
 * whose logs have a gap (state.projectionGap) is repaired at its own version. Idempotent and never
 * backwards: a row already at the same version (without a gap) or a newer one is left alone. Used after restoring a database, or when
 * rows were lost.
 */
import { z } from 'zod';
import { projectActionState, projectLifecycleRecord, projectProgrammeState } from '@ip/activities';
import { informationRequestMachine, interventionMachine, monitoringVisitMachine } from '@ip/workflows/events';
import { TASK_QUEUE } from '@ip/workflows/definitions';
import { ZCommandMeta } from '@ip/domain';
import type { Context } from '../context.js';
import { actionAsAt, lifecycleAsAt, programmeAsAt } from '../audit/as-at.js';
import { TemporalHistorySource, type WorkflowHistory } from '../audit/history-source.js';
import { commandKey, workflowCommand } from '../receipts.js';
import { procedure, router } from '../trpc.js';

/**
 * A row at the fold's own version is rewritten only when its logs have a gap (state.projectionGap):
 * otherwise it already holds this state, and a rebuild run twice changes nothing the second time.
 */
async function replaceIfGap(ctx: Context, table: 'action' | 'programme' | 'lifecycleRecord', id: string): Promise<{ replaceSameVersion: boolean }> {
  const row = await (ctx.prisma[table] as unknown as { findUnique(a: object): Promise<{ state: unknown } | null> })
    .findUnique({ where: { id }, select: { state: true } });
  const state = row?.state as { projectionGap?: unknown } | null | undefined;
  return { replaceSameVersion: Boolean(state?.projectionGap) };
}
const ROWS = { monitoringVisitWorkflow: monitoringVisitMachine(), interventionWorkflow: interventionMachine(), informationRequestWorkflow: informationRequestMachine() };

/** How each workflow type is re-projected from its history, as at `nowMs`. */
const REPROJECT: Record<string, (ctx: Context, h: WorkflowHistory, nowMs: number) => Promise<boolean>> = {
  programmeWorkflow: async (ctx, h, now) => {
    const s = programmeAsAt(h, { at: now }).state;
    if (s) await projectProgrammeState(ctx.prisma, s, await replaceIfGap(ctx, 'programme', h.workflowId));
    return s !== null;
  },
  actionWorkflow: async (ctx, h, now) => {
    const s = actionAsAt(h, { at: now }).state;
    if (s) await projectActionState(ctx.prisma, s, await replaceIfGap(ctx, 'action', h.workflowId));
    return s !== null;
  },
  ...Object.fromEntries(Object.entries(ROWS).map(([type, machine]) => [type, async (ctx: Context, h: WorkflowHistory, now: number) => {
    const s = lifecycleAsAt(h, { at: now }).state;
    if (!s) return false;
    // The row's columns as the workflow itself writes them (its machine's row function).
    const row = (machine.row as (x: typeof s) => { kind: 'monitoring_visit' | 'intervention' | 'information_request'; programmeId: string | null; onsCode: string | null; title: string; phase: string; dueOn: string | null })(s);
    await projectLifecycleRecord(ctx.prisma, { id: h.workflowId, ...row, state: s, stateVersion: s.version }, await replaceIfGap(ctx, 'lifecycleRecord', h.workflowId));
    return true;
  }])),
};
export const WORKFLOW_TYPES = Object.keys(REPROJECT) as [string, ...string[]];

export const ZRebuildProjectionsInput = z.strictObject({
  /** Like every command: a retry with the same id answers with the first run's result. */
  clientRequestId: ZCommandMeta.shape.clientRequestId,
  /** Only these workflow types (default: all of them). */
  workflowTypes: z.array(z.enum(WORKFLOW_TYPES)).min(1).optional(),
  /** Per-workflow deadline for reading its history. */
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
        const source = new TemporalHistorySource(ctx.temporal);
        const history = await ctx.temporal.withDeadline(Date.now() + input.queryTimeoutMs, () => source.fetch(workflowId));
        if (await REPROJECT[workflowType]!(ctx, history, nowMs)) result.projected++;
        else throw new Error('its history has no state to project (it failed at its start)');
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
