import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCalendar, endOfLondonDayUtcMs, londonDateOf, type TProgrammeState } from '@ip/domain';
import { programmeStateQuery, recordInspectionUpdate, submitPlanUpdate, type ProgrammeWorkflowArgs } from '../definitions.js';
import { createTestWorker, createTimeSkippingEnv } from '../testing/env.js';

const actor = { userId: 'u-pm', role: 'programme_manager' as const, name: 'Priya Shah' };
let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
const projected: TProgrammeState[] = [];
const taskQueue = `test-${randomUUID()}`;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  // The projection activity is replaced by a recorder: this file tests the workflow's clocks;
  // projection into PostgreSQL is tested on a real database elsewhere.
  worker = await createTestWorker(env, { projectProgramme: async (s: TProgrammeState) => { projected.push(s); } }, taskQueue);
  running = worker.run();
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

function start(onsCode: string) {
  const id = `programme-${onsCode}-${randomUUID()}`;
  const args: ProgrammeWorkflowArgs = { programmeId: id, onsCode, authorityName: 'Northmoor Borough Council', cycle: 1, actor, reason: 'test' };
  return env.client.workflow.start('programmeWorkflow', { workflowId: id, taskQueue, args: [args] });
}

function inspection(reportReceivedOn: string, grade: 'inadequate' | 'good' = 'inadequate') {
  return {
    type: 'standard' as const,
    fieldworkStartedOn: '2025-09-29',
    fieldworkEndedOn: '2025-10-10',
    reportReceivedOn,
    judgements: { overallEffectiveness: grade },
  };
}

describe('programmeWorkflow on the time-skipping server', () => {
  it('fires the 70-working-day action-plan deadline at the end of the due date in London, not a moment before', async () => {
    const handle = await start('E09000001');
    const today = londonDateOf(Date.now());
    await handle.executeUpdate(recordInspectionUpdate, {
      args: [{ actor, reason: 'Report received today', inspection: { ...inspection(today), fieldworkStartedOn: today, fieldworkEndedOn: today } }],
    });
    const expectedDue = defaultCalendar().addWorkingDays(today, 70);
    const state = await handle.query(programmeStateQuery);
    const plan = state.clocks.find((c) => c.name === 'actionPlan');
    expect(plan?.dueOn).toBe(expectedDue);
    expect(plan?.dueAt).toBe(endOfLondonDayUtcMs(expectedDue));
    expect(plan?.workingDaysLeft).toBe(70);

    // Skip to one second before the deadline: still running.
    const now = (await env.currentTimeMs());
    await env.sleep(plan!.dueAt - now - 1000);
    const before = await handle.query(programmeStateQuery);
    expect(before.clocks.find((c) => c.name === 'actionPlan')?.status).toBe('running');

    // Two seconds later it has fired, exactly at the deadline instant.
    await env.sleep(2000);
    const after = await handle.query(programmeStateQuery);
    const fired = after.history.find((h) => h.type === 'clock_elapsed' && h.summary.includes('action plan'));
    expect(after.clocks.find((c) => c.name === 'actionPlan')?.status).toBe('breached');
    // Timer resolution: the workflow observes the deadline within a second of the instant.
    expect(fired!.at).toBeGreaterThanOrEqual(plan!.dueAt);
    expect(fired!.at).toBeLessThan(plan!.dueAt + 1000);
  });

  it('a plan submitted on time stops the clock: nothing fires afterwards', async () => {
    const handle = await start('E09000002');
    const today = londonDateOf(Date.now());
    await handle.executeUpdate(recordInspectionUpdate, {
      args: [{ actor, reason: 'Report received', inspection: { ...inspection(today), fieldworkStartedOn: today, fieldworkEndedOn: today } }],
    });
    await handle.executeUpdate(submitPlanUpdate, { args: [{ actor, reason: 'Signed off by cabinet', submittedOn: today }] });
    await env.sleep('200 days');
    const state = await handle.query(programmeStateQuery);
    expect(state.phase).toBe('plan_submitted');
    expect(state.clocks.find((c) => c.name === 'actionPlan')?.status).toBe('met');
    expect(state.history.filter((h) => h.type === 'clock_elapsed' && h.summary.includes('action plan'))).toHaveLength(0);
  });

  it('rejects an invalid Update with its reason and leaves no trace in history', async () => {
    const handle = await start('E09000003');
    const err = await handle
      .executeUpdate(submitPlanUpdate, { args: [{ actor, reason: 'Too early', submittedOn: '2026-01-01' }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(String((err as WorkflowUpdateFailedError).cause?.message)).toMatch(/no action plan to submit/);
    const bad = await handle
      .executeUpdate(recordInspectionUpdate, { args: [{ actor, reason: 'typo', inspection: inspection('2026-02-30') }] })
      .catch((e: unknown) => e);
    expect(String((bad as WorkflowUpdateFailedError).cause?.message)).toMatch(/reportReceivedOn/);

    const history = await handle.fetchHistory();
    const accepted = history.events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes) ?? [];
    expect(accepted).toHaveLength(0);
    const state = await handle.query(programmeStateQuery);
    expect(state.phase).toBe('awaiting_inspection');
    expect(state.version).toBe(1);
  });

  it('a retried Update with the same id has one effect', async () => {
    const handle = await start('E09000004');
    const today = londonDateOf(Date.now());
    const cmd = { actor, reason: 'Report received', inspection: { ...inspection(today, 'good'), fieldworkStartedOn: today, fieldworkEndedOn: today } };
    const first = await handle.executeUpdate(recordInspectionUpdate, { updateId: 'req-1', args: [cmd] });
    const second = await handle.executeUpdate(recordInspectionUpdate, { updateId: 'req-1', args: [cmd] });
    expect(second.version).toBe(first.version);
    const state = await handle.query(programmeStateQuery);
    expect(state.history.filter((h) => h.type === 'inspection_recorded')).toHaveLength(1);
    expect(state.phase).toBe('routine');
  });
});
