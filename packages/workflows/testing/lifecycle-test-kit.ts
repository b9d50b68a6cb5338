/**
 * Test-only helpers for the lifecycle workflows (never imported by workflow code): a recording fake
 * of the two activities they use. The fake recordEscalation dedupes by id exactly like the real one
 * (createMany + skipDuplicates), so "recorded once" is checked the way production behaves.
 */
import { randomUUID } from 'node:crypto';
import { mergeProjection, type EscalationFact, type LifecycleRecordProjection, type ProjectionDelta } from '@ip/activities';
import { Client, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import { londonDateOf } from '@ip/domain';
import { createTestWorker, createTimeSkippingEnv } from './env.js';

export function recordingActivities() {
  const projections: LifecycleRecordProjection[] = [];
  const rows = new Map<string, { state: Record<string, unknown>; version: number }>();
  const escalations = new Map<string, EscalationFact>();
  const calls: EscalationFact[] = [];
  return {
    projections,
    escalations,
    calls,
    activities: {
      async projectLifecycleRecord(p: LifecycleRecordProjection): Promise<void> {
        projections.push(JSON.parse(JSON.stringify(p)) as LifecycleRecordProjection);
      },
      /** The machine runner's deltas, merged as the real activity merges them into the row. */
      async applyProjection(d: ProjectionDelta): Promise<string> {
        const before = rows.get(d.id);
        const row = mergeProjection(before, JSON.parse(JSON.stringify(d)) as ProjectionDelta);
        if (row === before) return 'already';
        rows.set(d.id, row);
        const r = d.row ?? {};
        projections.push({ id: d.id, kind: d.kind as LifecycleRecordProjection['kind'], programmeId: (r.programmeId as string | null) ?? null,
          onsCode: (r.onsCode as string | null) ?? null, title: String(r.title), phase: String(r.phase), dueOn: (r.dueOn as string | null) ?? null,
          state: row.state, stateVersion: row.version });
        return 'written';
      },
      /** Each escalation's delivery workflow runs this (the emails themselves are tested in @ip/activities). */
      async deliverEscalation() {
        return { sent: 0, held: 0, failed: 0, uncertain: 0, noRecipient: 0 };
      },
      async recordEscalation(fact: EscalationFact): Promise<{ created: boolean }> {
        calls.push(fact);
        if (escalations.has(fact.id)) return { created: false };
        escalations.set(fact.id, fact);
        return { created: true };
      },
    },
    escalationsFor(workflowId: string): EscalationFact[] {
      return [...escalations.values()].filter((e) => e.workflowId === workflowId).sort((a, b) => a.fireAt - b.fireAt);
    },
    projectionsFor(workflowId: string): LifecycleRecordProjection[] {
      return projections.filter((p) => p.id === workflowId);
    },
  };
}

/** Number of accepted Updates in the workflow's history (a rejected one must leave none). */
export async function acceptedUpdates(handle: WorkflowHandle): Promise<number> {
  const history = await handle.fetchHistory();
  return history.events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length ?? 0;
}

/** The message a rejected Update carries to the caller. */
export function rejection(err: unknown): string {
  const e = err as { cause?: { message?: string }; message?: string };
  return String(e?.cause?.message ?? e?.message ?? err);
}

/** Terminates workflows a test left running, so one test's timers never fire during another's. */
export async function terminateRunning(handles: WorkflowHandle[]): Promise<void> {
  for (const h of handles.splice(0)) {
    const { status } = await h.describe();
    if (status.name === 'RUNNING') await h.terminate('test finished');
  }
}

/**
 * The result of a workflow that is closing by itself (e.g. right after its final Update), read without
 * unlocking time skipping. Why not `handle.result()`: the test client unlocks skipping while it waits,
 * and the server then jumps to a stale default-timeout timer about 10 years ahead, dragging every
 * later test a decade forward. Throws the workflow's failure like `result()` does.
 */
export async function closedResult<R>(env: TestWorkflowEnvironment, handle: WorkflowHandle): Promise<R> {
  await vi.waitFor(async () => expect((await handle.describe()).status.name).not.toBe('RUNNING'), { timeout: 10_000 });
  const plain = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  return plain.workflow.getHandle(handle.workflowId).result() as Promise<R>;
}

/**
 * The set-up every lifecycle workflow test file shares: a time-skipping Temporal server, a worker on
 * a task queue of its own with the recording activities, and the handles started by each test
 * terminated after it. Call once at the top of a test file; `env` is there from beforeAll on.
 */
export function lifecycleTestRig() {
  const fake = recordingActivities();
  const taskQueue = `test-${randomUUID()}`;
  const started: WorkflowHandle[] = [];
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  const rig = {
    fake,
    taskQueue,
    started,
    env: undefined as unknown as TestWorkflowEnvironment,
    now: () => rig.env.currentTimeMs(),
    today: async () => londonDateOf(await rig.now()),
    /** Lets server time run on to `instant` (+ offset); never backwards. */
    async skipTo(instant: number, offsetMs = 0) {
      const ms = instant + offsetMs - (await rig.now());
      if (ms > 0) await rig.env.sleep(ms);
    },
  };
  beforeAll(async () => {
    rig.env = await createTimeSkippingEnv();
    worker = await createTestWorker(rig.env, fake.activities, taskQueue);
    running = worker.run();
  });
  afterEach(() => terminateRunning(started));
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await rig.env?.teardown();
  });
  return rig;
}
