/**
 * Workflows that stopped without finishing (terminated, failed, timed out): the Schedule that finds
 * them, and the admin's restart. A restart starts a new run of the same workflow id from the last
 * good state the read model holds (its last projection), with the start arguments of the stopped
 * run; the new run writes a timeline line saying who restarted it and why, and its first projection
 * clears the row's stopped mark. The audit trail records the restart too.
 */
import { TRPCError } from '@trpc/server';
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { checkStopped, isStoppedStatus } from '@ip/activities';
import { ZRestartWorkflowInput, ZStoppedWorkflowsInput } from '@ip/domain';
import {
  TASK_QUEUE, WORKFLOW_HEALTH_SWEEP_INTERVAL, WORKFLOW_HEALTH_SWEEP_SCHEDULE_ID, type WorkflowHealthSweepArgs,
} from '@ip/workflows/definitions';
import { recordAudit } from '../audit.js';
import { decodePayloads } from '../audit/raw.js';
import type { Context } from '../context.js';
import { toUserError } from '../errors.js';
import { procedure, READERS, router } from '../trpc.js';

/** Ensures the Schedule that sweeps for stopped workflows; creating it again finds it there (same effect). */
export async function ensureWorkflowHealthSweepSchedule(temporal: Client, taskQueue: string = TASK_QUEUE): Promise<string> {
  const args: WorkflowHealthSweepArgs = taskQueue === TASK_QUEUE ? {} : { taskQueue };
  try {
    await temporal.schedule.create({
      scheduleId: WORKFLOW_HEALTH_SWEEP_SCHEDULE_ID,
      spec: { intervals: [{ every: WORKFLOW_HEALTH_SWEEP_INTERVAL }] },
      action: { type: 'startWorkflow', workflowType: 'workflowHealthSweepWorkflow', workflowId: 'workflow-health-sweep-scheduled', taskQueue, args: [args] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '10 minutes' },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  return WORKFLOW_HEALTH_SWEEP_SCHEDULE_ID;
}

const TYPES = { action: 'actionWorkflow', programme: 'programmeWorkflow' } as const;

/** The read-model row of a workflow, whichever kind it is, with its workflow type. */
async function rowOf(ctx: Context, workflowId: string): Promise<{ workflowType: string; state: Record<string, unknown> } | null> {
  const [action, programme, record] = await Promise.all([
    ctx.prisma.action.findUnique({ where: { id: workflowId }, select: { state: true } }),
    ctx.prisma.programme.findUnique({ where: { id: workflowId }, select: { state: true } }),
    ctx.prisma.lifecycleRecord.findUnique({ where: { id: workflowId }, select: { state: true, kind: true } }),
  ]);
  if (action) return { workflowType: TYPES.action, state: action.state as Record<string, unknown> };
  if (programme) return { workflowType: TYPES.programme, state: programme.state as Record<string, unknown> };
  if (record) {
    const type = { monitoring_visit: 'monitoringVisitWorkflow', intervention: 'interventionWorkflow', information_request: 'informationRequestWorkflow' }[record.kind];
    return type ? { workflowType: type, state: record.state as Record<string, unknown> } : null;
  }
  return null;
}

export const workflowHealthRouter = router({
  /** The programme's workflows that stopped without finishing (the dashboard warns of them). */
  stopped: procedure(READERS)
    .input(ZStoppedWorkflowsInput)
    .query(async ({ ctx, input }) => {
      const where = { stoppedAt: { not: null }, ...(input.programmeId ? { programmeId: input.programmeId } : {}) };
      const select = { id: true, stoppedAt: true, stoppedReason: true } as const;
      const [actions, programmes, records] = await Promise.all([
        ctx.prisma.action.findMany({ where, select: { ...select, title: true } }),
        ctx.prisma.programme.findMany({ where: { stoppedAt: { not: null }, ...(input.programmeId ? { id: input.programmeId } : {}) }, select: { ...select, authority: { select: { name: true } } } }),
        ctx.prisma.lifecycleRecord.findMany({ where, select: { ...select, title: true, kind: true } }),
      ]);
      const row = (kind: string, r: { id: string; stoppedAt: Date | null; stoppedReason: string | null }, title: string) =>
        ({ id: r.id, kind, title, stoppedAt: r.stoppedAt!.toISOString(), reason: r.stoppedReason ?? 'Stopped' });
      const data = [
        ...programmes.map((p) => row('programme', p, `Programme: ${p.authority.name}`)),
        ...actions.map((a) => row('action', a, a.title)),
        ...records.map((r) => row(r.kind, r, r.title)),
      ].sort((a, b) => a.stoppedAt.localeCompare(b.stoppedAt));
      return { data, total: data.length };
    }),
  /** Admin: restart a stopped workflow from its last good state (the read model's), with a reason. */
  restart: procedure(['admin'])
    .input(ZRestartWorkflowInput)
    .mutation(async ({ ctx, input }) => {
      try {
        const handle = ctx.temporal.workflow.getHandle(input.workflowId);
        const d = await handle.describe();
        if (d.status.name === 'RUNNING') {
          // A retry of this very restart finds the run it started: the same answer.
          if (d.memo?.restartRequestId === input.clientRequestId) return { data: { workflowId: input.workflowId, runId: d.runId, restarted: true } };
          throw new TRPCError({ code: 'CONFLICT', message: 'workflowId: that workflow is running; only a stopped workflow can be restarted' });
        }
        if (!isStoppedStatus(d.status.name)) {
          throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `workflowId: that workflow finished normally (${d.status.name.toLowerCase()}); there is nothing to restart` });
        }
        const row = await rowOf(ctx, input.workflowId);
        if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `workflowId: no record of ${input.workflowId} in the read model to restart from` });
        await checkStopped(ctx.prisma, ctx.temporal, input.workflowId);
        // The stopped run's own start arguments (its ladder, rules, calendar), read from its first event.
        const first = await ctx.temporal.workflowService.getWorkflowExecutionHistory({
          namespace: ctx.temporal.options.namespace, execution: { workflowId: input.workflowId, runId: d.runId }, maximumPageSize: 1,
        });
        const original = (decodePayloads(first.history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input)[0] ?? {}) as Record<string, unknown>;
        const { projectionGap: _gap, ...carried } = row.state;
        const actor = { userId: ctx.user.id, role: ctx.user.role, name: ctx.user.name };
        const started = await ctx.temporal.workflow.start(row.workflowType, {
          workflowId: input.workflowId,
          taskQueue: ctx.taskQueue ?? TASK_QUEUE,
          workflowIdReusePolicy: 'ALLOW_DUPLICATE',
          memo: { restartRequestId: input.clientRequestId },
          args: [{ ...original, carried, restart: { fromRunId: d.runId, actor, reason: input.reason, at: ctx.now() } }],
        });
        await ctx.prisma.$transaction((tx) => recordAudit(tx, ctx.user, {
          entity: 'workflow', entityId: input.workflowId, action: 'restart', reason: input.reason,
          before: { runId: d.runId, status: d.status.name }, after: { runId: started.firstExecutionRunId },
        }));
        return { data: { workflowId: input.workflowId, runId: started.firstExecutionRunId, restarted: true } };
      } catch (err) {
        throw toUserError(err, { notFound: `workflowId: no workflow ${input.workflowId}` });
      }
    }),
});
