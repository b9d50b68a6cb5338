/**
 * Test harness for the action workflow: a fresh time-skipping server per test (server time only
 * moves forward, and each scenario needs its due dates ahead of "now"), the real workflow bundle,
 * and recording fakes for the activities. The fake recordEscalation dedupes by id, like the real
 * one (createMany ... skipDuplicates); projection is tested on PostgreSQL in @ip/activities.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  DEFAULT_ACTION_LADDER,
  defaultCalendar,
  scheduleLadder,
  ukClockChangesUtcMs,
  type TActionState,
  type TActor,
} from '@ip/domain';
import { mergeProjection, type EscalationFact, type ProjectionDelta } from '@ip/activities';
import { startDeliveryOf } from '@ip/activities';
import { actionWorkflowId, type ActionWorkflowArgs } from '../src/action/definitions.js';
import type { actionWorkflow } from '../src/action/workflow.js';
import { createTestWorker, createTimeSkippingEnv } from './env.js';

export const pm: TActor = { userId: 'u-pm', role: 'programme_manager', name: 'Priya Shah' };
export const pm2: TActor = { userId: 'u-pm2', role: 'programme_manager', name: 'Tom Reid' };
export const auditor: TActor = { userId: 'u-aud', role: 'auditor' };
export const calendar = defaultCalendar();

export interface Harness {
  env: TestWorkflowEnvironment;
  /** Escalations as stored: one per id, whatever the number of attempts. */
  escalations: Map<string, EscalationFact>;
  attempts: string[];
  projected: TActionState[];
  /** The escalation id of every delivery the delivery workflows ran. */
  deliveries: string[];
  start(p: { dueOn: string; ofstedLinked: boolean }): ReturnType<typeof startAction>;
  /** Skips server time forward to `instant` (no-op if already past). */
  sleepUntil(instant: number): Promise<void>;
  close(): Promise<void>;
}

async function startAction(env: TestWorkflowEnvironment, taskQueue: string, p: { dueOn: string; ofstedLinked: boolean }) {
  const programmeId = 'programme-E09000099-1';
  const workflowId = actionWorkflowId(programmeId, randomUUID());
  const args: ActionWorkflowArgs = {
    definition: {
      programmeId, title: 'Offer every child a return home interview within 72 hours', workstream: 'Missing children',
      owner: { name: 'Sam Patel' }, dueOn: p.dueOn, ofstedLinked: p.ofstedLinked, recommendationRefs: ['R3'],
    },
    actor: pm,
    reason: 'Priority 3 of the improvement plan',
  };
  return env.client.workflow.start<typeof actionWorkflow>('actionWorkflow', { workflowId, taskQueue, args: [args] });
}

export async function harness(): Promise<Harness> {
  const env = await createTimeSkippingEnv();
  const escalations = new Map<string, EscalationFact>();
  const attempts: string[] = [];
  const projected: TActionState[] = [];
  const deliveries: string[] = [];
  const rows = new Map<string, { state: Record<string, unknown>; version: number }>();
  const activities = {
    async projectAction(s: TActionState): Promise<void> {
      projected.push(s);
    },
    /** The machine runner's deltas, merged as the real activity merges them into the row. */
    async applyProjection(d: ProjectionDelta): Promise<string> {
      const before = rows.get(d.id);
      const row = mergeProjection(before, d);
      if (row === before) return 'already';
      rows.set(d.id, row);
      projected.push(row.state as unknown as TActionState);
      return 'written';
    },
    async deliverEscalation(input: { escalationId: string }) {
      deliveries.push(input.escalationId);
      return { sent: 0, held: 0, failed: 0, uncertain: 0, noRecipient: 0 };
    },
    async recordEscalation(fact: EscalationFact): Promise<{ created: boolean }> {
      attempts.push(fact.id);
      // As the real one: the escalation's emails go to its delivery workflow.
      await startDeliveryOf(fact.id);
      if (escalations.has(fact.id)) return { created: false };
      escalations.set(fact.id, fact);
      return { created: true };
    },
  };
  const taskQueue = `test-${randomUUID()}`;
  const worker = await createTestWorker(env, activities, taskQueue);
  const running = worker.run();
  return {
    env, escalations, attempts, projected, deliveries,
    start: (p) => startAction(env, taskQueue, p),
    async sleepUntil(instant) {
      const now = await env.currentTimeMs();
      if (instant > now) await env.sleep(instant - now);
    },
    async close() {
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
}

/**
 * A due date whose ladder straddles the UK spring clock change: the T−10 and T−5 reminders in GMT,
 * the deadline and later steps in BST. From 29 Nov 2026 that is Thu 1 April 2027 (Good Friday
 * 26 March and Easter Monday 29 March are skipped; clocks go forward on Sun 28 March 2027).
 */
export function straddlingDueDate(nowMs: number): string {
  const year = new Date(nowMs).getUTCFullYear();
  for (let y = year; y <= year + 3; y++) {
    const { bstStartsMs } = ukClockChangesUtcMs(y);
    for (let d = 1; d <= 15; d++) {
      const dueOn = `${y}-04-${String(d).padStart(2, '0')}`;
      if (!calendar.isWorkingDay(dueOn)) continue;
      const s = scheduleLadder(DEFAULT_ACTION_LADDER, dueOn, calendar, { ofstedLinked: true });
      const at = (id: string) => s.find((x) => x.step.id === id)!.fireAt;
      if (at('remind-10') > nowMs + 86_400_000 && at('remind-5') < bstStartsMs && at('red-0') > bstStartsMs) return dueOn;
    }
  }
  throw new Error('no straddling due date found');
}

/** Polls (in real time, while server time is locked) until `check` passes. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() - start > timeoutMs) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
