import type { PrismaClient } from '@ip/db';
import type { TActionState, TProgrammeState } from '@ip/domain';
import { recordEscalationFact, type EscalationFact } from './escalation/record.js';
import { projectLifecycleRecord, type LifecycleRecordProjection } from './projection/lifecycle-record.js';
import { insertStartedProgramme, projectProgrammeState, startedProgrammeRow } from './projection/programme.js';
import { projectActionState } from './projection/action.js';
import { applyProjection, type ProjectionDelta, type ProjectionOutcome } from './projection/delta.js';
import { evaluateKpiReturn, type KpiReturnInput, type KpiReturnResult } from './kpi/evaluate-return.js';
import { activityInfo, heartbeat, getClient } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { archiveClosedHistories, historySha256, type ArchiveResult } from './archive/archive-histories.js';
import { verifyAllHistories, parseArchivedHistory, type HistoryMismatch } from './verify/verify-histories.js';
import { replayBundle, type ReplayCode } from './verify/replay-bundle.js';
import { ensureSchedule } from './schedule/ensure-schedule.js';
import { checkStopped, closeReason, isStoppedStatus, markStopped, sweepStoppedWorkflows, type SweepResult } from './stopped/stopped.js';
import { handOverPlannedDeliveries, type HandOverResult } from './delivery/hand-over.js';
import type { ScheduleOptions } from '@temporalio/client';
import { deliverEscalation, redeliver, sendDigests, type DeliveryDeps, type DeliverySummary, type DigestResult } from './delivery/index.js';

export type { KpiReturnInput, KpiReturnResult };
export type { EscalationFact, LifecycleRecordProjection, ProjectionDelta, ProjectionOutcome };
/** The projections themselves, for rebuilding the read model from Temporal (the API's projections.rebuild). */
export { applyProjection, projectActionState, projectLifecycleRecord, projectProgrammeState };
export { mergeProjection } from './projection/merge.js';
/** The API's create writes a just-started programme's row itself (see startedProgrammeRow). */
export { insertStartedProgramme, startedProgrammeRow };
export { archiveClosedHistories, historySha256, type ArchiveResult };
export { verifyAllHistories, parseArchivedHistory, type HistoryMismatch, type ReplayCode };
export { ensureSchedule };
export { checkStopped, closeReason, isStoppedStatus, markStopped, sweepStoppedWorkflows, type SweepResult };
export { handOverPlannedDeliveries, type HandOverResult };
export * from './delivery/index.js';

export interface ActivityDeps {
  prisma: PrismaClient;
  /** The workflow code "verify all histories" replays against (the worker passes its own). */
  replayCode?: ReplayCode;
  /** The SMTP client and what the emails need; without it the delivery activities refuse to run. */
  delivery?: DeliveryDeps;
}

function deliveryDeps(deps: ActivityDeps): DeliveryDeps {
  if (!deps.delivery) throw new Error('this worker was started without an SMTP configuration (delivery)');
  return deps.delivery;
}

/** Heartbeats when running as an activity (so a dead worker is noticed), a no-op otherwise. */
function beat(): void {
  try {
    heartbeat();
  } catch {
    // Not inside an activity (a direct call from a tool or a test).
  }
}

/**
 * Runs `work` heartbeating every 5 s, so a worker that dies mid-send is noticed within the caller's
 * heartbeat timeout (15 s in DELIVERY_ACTIVITY_OPTIONS) however long one SMTP conversation takes.
 */
async function whileBeating<T>(work: () => Promise<T>): Promise<T> {
  beat();
  const timer = setInterval(beat, 5_000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/**
 * Starts the delivery workflow of an escalation (id deliver-<escalation id>, never reused) on this
 * worker's task queue; one already started is the same effect. Outside a real worker (a
 * MockActivityEnvironment in unit tests) there is no client: the health sweep hands it over later.
 */
export async function startDeliveryOf(escalationId: string): Promise<void> {
  let client: ReturnType<typeof getClient>;
  try {
    client = getClient();
  } catch {
    return;
  }
  try {
    await client.workflow.start('deliverEscalationWorkflow', {
      workflowId: `deliver-${escalationId}`, taskQueue: activityInfo().taskQueue, workflowIdReusePolicy: 'REJECT_DUPLICATE', args: [{ escalationId }],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/** Builds the activities with their I/O clients injected (the worker and tests pass the same shape). */
export function createActivities(deps: ActivityDeps) {
  return {
    async projectProgramme(state: TProgrammeState): Promise<void> {
      await projectProgrammeState(deps.prisma, state);
    },
    /** Monotonic by stateVersion: see projectActionState. */
    async projectAction(state: TActionState): Promise<void> {
      await projectActionState(deps.prisma, state);
    },
    async projectLifecycleRecord(p: LifecycleRecordProjection): Promise<void> {
      await projectLifecycleRecord(deps.prisma, p);
    },
    /**
     * The machine runner's projection (a local activity): the state's core and the log entries
     * appended since the previous projection. Exactly one effect however often it runs: see applyProjection.
     */
    async applyProjection(delta: ProjectionDelta): Promise<ProjectionOutcome> {
      return applyProjection(deps.prisma, delta);
    },
    /** The monthly KPI return: RAG changes to the owner, red two periods running to the board. */
    async evaluateKpiReturn(input: KpiReturnInput): Promise<KpiReturnResult> {
      return evaluateKpiReturn(deps.prisma, input);
    },
    /**
     * Exactly-once: see recordEscalationFact. Then hands the escalation's emails (planned in the same
     * transaction) to their own delivery workflow, which may retry an SMTP server for hours without
     * holding up the workflow that escalated (startDeliveryOf: started once per escalation).
     */
    async recordEscalation(fact: EscalationFact): Promise<{ created: boolean }> {
      const recorded = await recordEscalationFact(deps.prisma, fact);
      // A worker with no SMTP configuration sends no email: its deliveries stay planned (the Outbox shows them).
      if (deps.delivery) await startDeliveryOf(fact.id);
      return recorded;
    },
    /**
     * Emails an escalation's recipients, each once (see delivery/send.ts): completes when every
     * delivery is final, throws a retryable failure while any is not yet accepted.
     */
    async deliverEscalation(input: { escalationId: string }): Promise<DeliverySummary> {
      return whileBeating(() => deliverEscalation(deps.prisma, deliveryDeps(deps), input));
    },
    /** An admin's resend of one delivery: see redeliver. */
    async redeliver(input: { deliveryId: string; requestedAt: number }): Promise<{ status: string }> {
      return whileBeating(() => redeliver(deps.prisma, deliveryDeps(deps), input));
    },
    /** One digest slot: folds held deliveries into one email per person and sends them (idempotent per slot). */
    async sendDigests(input: { slotAt: number }): Promise<DigestResult> {
      return whileBeating(() => sendDigests(deps.prisma, deliveryDeps(deps), input));
    },
    /** Idempotent: a Schedule already there is the same effect. Uses the worker's own Temporal client. */
    async ensureSchedule(options: ScheduleOptions): Promise<string> {
      return ensureSchedule(getClient(), options);
    },
    /** Idempotent: see archiveClosedHistories. Uses the worker's own Temporal client. */
    async archiveHistories(input: { taskQueue?: string | undefined; limit?: number | undefined }): Promise<ArchiveResult> {
      return archiveClosedHistories(deps.prisma, getClient(), {
        ...(input.taskQueue ? { taskQueue: input.taskQueue } : {}),
        ...(input.limit ? { limit: input.limit } : {}),
        onProgress: (n) => heartbeat(n),
      });
    },
    /** Replays every stored history against the worker's workflow code; progress in the job row. */
    async verifyHistories(input: { jobId: string; taskQueue?: string | undefined }): Promise<{ mismatches: number }> {
      if (!deps.replayCode) throw new Error('this worker was started without its workflow code for replay (replayCode)');
      const mismatches: HistoryMismatch[] = await verifyAllHistories(deps.prisma, getClient(), input.jobId, {
        workflowBundle: await replayBundle(deps.replayCode),
        ...(input.taskQueue ? { taskQueue: input.taskQueue } : {}),
        onProgress: (done, total) => heartbeat({ done, total }),
      });
      return { mismatches: mismatches.length };
    },
    /** Starts the delivery of escalations whose emails still wait (see handOverPlannedDeliveries). */
    async handOverPlannedDeliveries(input: { taskQueue: string }): Promise<HandOverResult> {
      if (!deps.delivery) return { waiting: 0, started: 0 };
      return handOverPlannedDeliveries(deps.prisma, getClient(), { taskQueue: input.taskQueue });
    },
    /** Marks the rows of workflows that stopped without finishing (the workflow-health-sweep Schedule). */
    async sweepStoppedWorkflows(input: { taskQueue?: string | undefined }): Promise<SweepResult> {
      return sweepStoppedWorkflows(deps.prisma, getClient(), input.taskQueue ? { taskQueue: input.taskQueue } : {});
    },
    /** A verification that could not run at all is marked so, with the reason. */
    async failHistoryVerification(input: { jobId: string; error: string }): Promise<void> {
      await deps.prisma.historyVerification.update({ where: { id: input.jobId }, data: { status: 'error', error: input.error, finishedAt: new Date() } });
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
