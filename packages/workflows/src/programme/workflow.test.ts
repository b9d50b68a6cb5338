import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCalendar, endOfLondonDayUtcMs, londonDateOf, londonLocalTimeUtcMs } from '@ip/domain';
import {
  configureProgrammeUpdate,
  kpiReturnScheduleId,
  programmeStateQuery,
  publishReportUpdate,
  recordInspectionUpdate,
  submitPlanUpdate,
  type ProgrammeWorkflowArgs,
} from '../definitions.js';
import { createTestWorker, createTimeSkippingEnv } from '../../testing/env.js';
import { fakeActivities, type FakeActivities } from '../../testing/fake-activities.js';

const actor = { userId: 'u-pm', role: 'programme_manager' as const, name: 'Priya Shah' };
let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
let fake: FakeActivities;
const taskQueue = `test-${randomUUID()}`;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  fake = fakeActivities();
  worker = await createTestWorker(env, fake.activities, taskQueue);
  running = worker.run();
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

async function start(extra: Partial<ProgrammeWorkflowArgs> = {}) {
  const id = `programme-test-${randomUUID()}`;
  const args: ProgrammeWorkflowArgs = { programmeId: id, onsCode: 'E09000099', authorityName: 'Northmoor Borough Council', cycle: 1, actor, reason: 'test', ...extra };
  return env.client.workflow.start('programmeWorkflow', { workflowId: id, taskQueue, args: [args] });
}

async function today(): Promise<string> {
  return londonDateOf(await env.currentTimeMs());
}

function inspection(reportReceivedOn: string, grade: 'inadequate' | 'good' = 'inadequate') {
  return { type: 'standard' as const, fieldworkStartedOn: reportReceivedOn, fieldworkEndedOn: reportReceivedOn, reportReceivedOn, judgements: { overallEffectiveness: grade } };
}

const escalationsFor = (id: string) => fake.escalations.filter((e) => e.programmeId === id);

describe('programmeWorkflow on the time-skipping server', () => {
  it('runs the action-plan ladder: reminders at 09:00 London T−10/T−5 WD, then the 70-WD deadline at the end of the due date', async () => {
    const handle = await start();
    const received = await today();
    await handle.executeUpdate(recordInspectionUpdate, { args: [{ actor, reason: 'Report received today', inspection: inspection(received) }] });
    const cal = defaultCalendar();
    const dueOn = cal.addWorkingDays(received, 70);
    const state = await handle.query(programmeStateQuery);
    const plan = state.clocks.find((c) => c.name === 'actionPlan')!;
    expect(plan.dueOn).toBe(dueOn);
    expect(plan.dueAt).toBe(endOfLondonDayUtcMs(dueOn));
    expect(plan.workingDaysLeft).toBe(70);

    // One second before the deadline: still running, both reminders already sent at their instants.
    await env.sleep(plan.dueAt - (await env.currentTimeMs()) - 1000);
    const before = await handle.query(programmeStateQuery);
    expect(before.clocks.find((c) => c.name === 'actionPlan')?.status).toBe('running');
    const reminders = escalationsFor(handle.workflowId).filter((e) => e.ladderId === 'action-plan');
    expect(reminders.map((e) => [e.stepId, e.fireAt])).toEqual([
      ['remind-10', londonLocalTimeUtcMs(cal.addWorkingDays(dueOn, -10), 9, 0)],
      ['remind-5', londonLocalTimeUtcMs(cal.addWorkingDays(dueOn, -5), 9, 0)],
    ]);

    await env.sleep(2000);
    const after = await handle.query(programmeStateQuery);
    // The query's clock view uses the domain's one vocabulary: past its date and not done is 'overdue'.
    expect(after.clocks.find((c) => c.name === 'actionPlan')?.status).toBe('overdue');
    const breach = escalationsFor(handle.workflowId).find((e) => e.ladderId === 'action-plan' && e.stepId === 'due-0')!;
    expect(breach.fireAt).toBe(plan.dueAt);
    expect(breach.firedAt).toBeGreaterThanOrEqual(plan.dueAt);
    expect(breach.firedAt).toBeLessThan(plan.dueAt + 1000);
    expect(breach.level).toBe('chief_executive');
  });

  it('a plan submitted on time stops its ladder: nothing about it fires afterwards', async () => {
    const handle = await start();
    const received = await today();
    await handle.executeUpdate(recordInspectionUpdate, { args: [{ actor, reason: 'Report received', inspection: inspection(received) }] });
    await handle.executeUpdate(publishReportUpdate, { args: [{ actor, reason: 'Published on the website', publishedOn: received }] });
    await handle.executeUpdate(submitPlanUpdate, { args: [{ actor, reason: 'Signed off by cabinet', submittedOn: received }] });
    await env.sleep('300 days');
    const state = await handle.query(programmeStateQuery);
    expect(state.phase).toBe('plan_submitted');
    expect(state.clocks.find((c) => c.name === 'actionPlan')?.status).toBe('met');
    expect(state.clocks.every((c) => c.closedAt !== null)).toBe(true);
    expect(escalationsFor(handle.workflowId)).toHaveLength(0);
  });

  it('rejects an invalid Update with its reason and leaves no trace in history', async () => {
    const handle = await start();
    const err = await handle.executeUpdate(submitPlanUpdate, { args: [{ actor, reason: 'Too early', submittedOn: '2027-01-01' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(String((err as WorkflowUpdateFailedError).cause?.message)).toMatch(/no action plan to submit/);
    const bad = await handle.executeUpdate(recordInspectionUpdate, { args: [{ actor, reason: 'typo', inspection: { ...inspection('2027-02-01'), reportReceivedOn: '2027-02-30' } }] }).catch((e: unknown) => e);
    expect(String((bad as WorkflowUpdateFailedError).cause?.message)).toMatch(/reportReceivedOn/);
    const history = await handle.fetchHistory();
    expect(history.events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toHaveLength(0);
    const state = await handle.query(programmeStateQuery);
    expect(state.phase).toBe('awaiting_inspection');
    expect(state.version).toBe(1);
  });

  it('a retried Update with the same id has one effect', async () => {
    const handle = await start();
    const cmd = { actor, reason: 'Report received', inspection: inspection(await today(), 'good') };
    const first = await handle.executeUpdate(recordInspectionUpdate, { updateId: 'req-1', args: [cmd] });
    const second = await handle.executeUpdate(recordInspectionUpdate, { updateId: 'req-1', args: [cmd] });
    expect(second.version).toBe(first.version);
    const state = await handle.query(programmeStateQuery);
    expect(state.history.filter((h) => h.type === 'inspection_recorded')).toHaveLength(1);
    expect(state.phase).toBe('routine');
  });

  it('an admin reconfigures the ladder and the calendar: pending reminders move, new clocks use the new calendar; others are refused', async () => {
    const handle = await start();
    const cal = defaultCalendar();
    const received = cal.nextWorkingDay(await today());
    const admin = { userId: 'u-admin', role: 'admin' as const, name: 'Ada Admin' };
    const ladder = { id: 'action-plan-tight', name: 'Tighter plan ladder', steps: [
      { id: 'remind-15', offsetWorkingDays: -15, kind: 'reminder', level: 'director', label: 'Plan due in 15 working days: DCS told' },
      { id: 'due-0', offsetWorkingDays: 0, kind: 'escalation', level: 'chief_executive', setsRed: true, label: 'Plan deadline missed' },
    ] };
    const refused = await handle.executeUpdate(configureProgrammeUpdate, { args: [{ actor, reason: 'Not mine to change', ladders: { actionPlan: ladder as never } }] }).catch((e: unknown) => e);
    expect(String((refused as WorkflowUpdateFailedError).cause?.message)).toMatch(/Only an admin/);
    // A one-off bank holiday announced at short notice, ten working days after the report arrives.
    const holiday = cal.addWorkingDays(received, 10);
    await handle.executeUpdate(configureProgrammeUpdate, { args: [{ actor: admin, reason: 'Board agreed a tighter ladder; one-off bank holiday', ladders: { actionPlan: ladder as never }, calendarOverrides: { add: [{ date: holiday, title: 'One-off bank holiday' }], remove: [] } }] });
    await handle.executeUpdate(recordInspectionUpdate, { args: [{ actor, reason: 'Report received', inspection: inspection(received) }] });
    const state = await handle.query(programmeStateQuery);
    const plan = state.clocks.find((c) => c.name === 'actionPlan')!;
    expect(plan.dueOn).toBe(cal.addWorkingDays(cal.addWorkingDays(received, 70), 1));
    expect(plan.ladderId).toBe('action-plan-tight');
    await env.sleep(plan.dueAt - (await env.currentTimeMs()) + 5000);
    const mine = escalationsFor(handle.workflowId).filter((e) => e.ladderId === 'action-plan-tight').map((e) => e.stepId);
    expect(mine).toEqual(['remind-15', 'due-0']);
    expect(escalationsFor(handle.workflowId).some((e) => e.ladderId === 'action-plan')).toBe(false);
  });

  it('continues as new with its state intact, and the timers carry on in the new run', async () => {
    const handle = await start({ continueAsNewAfterEvents: 40 });
    const received = await today();
    await handle.executeUpdate(recordInspectionUpdate, { args: [{ actor, reason: 'Report received', inspection: inspection(received) }] });
    const before = await handle.query(programmeStateQuery);
    // Let the ladders run: every step is an activity + an event, so the history passes 40 events.
    await env.sleep('200 days');
    const desc = await handle.describe();
    const after = await env.client.workflow.getHandle(handle.workflowId).query(programmeStateQuery);
    expect(desc.runId).not.toBe(handle.firstExecutionRunId);
    expect(after.programmeId).toBe(before.programmeId);
    expect(after.inspection).toEqual(before.inspection);
    // The new run carries the state without its timeline (the read model and the history keep it):
    // the entries before the hand-over are counted in logBase, and the read model has every one.
    expect(after.logBase?.history).toBeGreaterThanOrEqual(before.history.length);
    expect(after.history.length).toBeLessThan(after.logBase!.history!);
    const row = fake.projections.filter((p) => p.kind === 'programme').at(-1)!.state as { history: unknown[]; version: number };
    expect(row.history.slice(0, before.history.length)).toEqual(before.history);
    expect(row.history).toHaveLength(after.logBase!.history! + after.history.length);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.clocks.find((c) => c.name === 'actionPlan')?.status).toBe('overdue');
    // Each ladder step recorded exactly once across the runs.
    const ids = escalationsFor(handle.workflowId).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.some((id) => id.includes('/action-plan/board-5@'))).toBe(true);
    // The first run asked for its KPI-return Schedule; the continued run did not ask again.
    expect(fake.schedules.filter((s) => s === kpiReturnScheduleId(handle.workflowId))).toHaveLength(1);
  });
});
