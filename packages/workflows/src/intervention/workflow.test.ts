import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { describe, expect, it, vi } from 'vitest';
import {
  addMonths, DEFAULT_COMMISSIONER_UPDATE_LADDER, DEFAULT_INTERVENTION_REVIEW_LADDER, defaultCalendar, endOfLondonDayUtcMs, escalationId,
  londonDateOf, scheduleLadder, type TInterventionState, type TInterventionStep,
} from '@ip/domain';
import { acceptedUpdates, closedResult, lifecycleTestRig, rejection } from '../../testing/lifecycle-test-kit.js';
import { interventionStateQuery as stateQuery, interventionWorkflowId, recordInterventionStepUpdate as recordStep } from './definitions.js';

const cal = defaultCalendar();
const actor = { userId: 'u-pm', role: 'programme_manager' as const, name: 'Priya Shah' };
const rig = lifecycleTestRig();
const { fake, taskQueue, started, now, today, skipTo } = rig;
async function startIntervention() {
  const onsCode = 'E09000099';
  const workflowId = `${interventionWorkflowId(onsCode)}-${randomUUID()}`;
  const handle = await rig.env.client.workflow.start('interventionWorkflow', {
    workflowId, taskQueue, args: [{ programmeId: 'programme-E09000099-1', onsCode, authorityName: 'Northmoor Borough Council' }],
  });
  started.push(handle);
  return handle;
}
/** Records a step, then reads the state back (an Update replies with the new version only). */
const record = async (h: WorkflowHandle, step: TInterventionStep) => {
  await h.executeUpdate(recordStep, { args: [{ actor, reason: 'Recorded from the DfE letter', step }] });
  return h.query(stateQuery);
};
const recorded = (id: string) => fake.escalationsFor(id);
/** Asserts that each ladder step was recorded once, at its exact instant (within the 1 s timer resolution). */
function expectFiredAt(id: string, expected: { stepId: string; fireAt: number; baseline: number; ladderId: string }[]) {
  const facts = recorded(id);
  expect(facts.map((f) => f.id)).toEqual(expected.map((e) => escalationId(id, e.ladderId, e.stepId, e.baseline)));
  facts.forEach((f, i) => {
    expect(f.fireAt).toBe(expected[i]!.fireAt);
    expect(f.firedAt - f.fireAt).toBeGreaterThanOrEqual(0);
    expect(f.firedAt - f.fireAt).toBeLessThan(1000);
  });
}

describe('interventionWorkflow on the time-skipping server', () => {
  it('improvement-notice review: reminder 10 WD before, escalations at the due date and 10 WD after, each once at its instant', async () => {
    const handle = await startIntervention();
    const noticeOn = await today();
    const view = await record(handle, { type: 'improvement_notice_issued', on: noticeOn, adviserName: 'J. Adviser' });
    const due = addMonths(noticeOn, 6);
    expect(view.clocks[0]).toMatchObject({ name: 'noticeReview', dueOn: due, baseline: 1 });
    const ladder = scheduleLadder(DEFAULT_INTERVENTION_REVIEW_LADDER, due, cal);
    const steps = ladder.map((s) => ({ stepId: s.step.id, fireAt: s.fireAt, baseline: 1, ladderId: 'intervention-review' }));
    for (const [i, s] of ladder.entries()) {
      await skipTo(s.fireAt, -1000);
      expect(recorded(handle.workflowId)).toHaveLength(i);
      await rig.env.sleep(2000);
      await vi.waitFor(() => expect(recorded(handle.workflowId)).toHaveLength(i + 1));
    }
    expectFiredAt(handle.workflowId, steps);
    // Time left is as at the caller's instant (a query does not advance workflow time).
    const asAt = await now();
    const overdue = await handle.query(stateQuery, asAt);
    expect(overdue.clocks[0]?.status).toBe('overdue');
    expect(overdue.clocks[0]?.workingDaysLeft).toBe(cal.workingDaysBetween(londonDateOf(asAt), due));
    expect(overdue.clocks[0]?.workingDaysLeft).toBeLessThan(-8);

    // The late review is recorded; the next one is six months on, under a new baseline.
    const heldOn = await today();
    const after = await record(handle, { type: 'review_held', on: heldOn, summary: 'Progress on the front door; notice stays' });
    expect(after.clocks.map((c) => [c.baseline, c.status, c.dueOn])).toEqual([[1, 'breached', due], [2, 'running', addMonths(heldOn, 6)]]);
    await rig.env.sleep('30 days');
    expect(recorded(handle.workflowId)).toHaveLength(3);
  });

  it("a commissioner's report received in time never escalates; the decision then starts the direction reviews", async () => {
    const handle = await startIntervention();
    const on = await today();
    await record(handle, { type: 'statutory_direction_issued', on, commissionerName: 'T. Doughty', commissionerAppointedOn: on });
    const reportDue = addMonths(on, 3);
    const receivedOn = cal.addWorkingDays(reportDue, -15);
    await skipTo(endOfLondonDayUtcMs(receivedOn), -3_600_000);
    const got = await record(handle, { type: 'commissioner_report_received', on: receivedOn, recommendation: 'remain_with_council' });
    expect(got.clocks[0]?.status).toBe('met');
    await skipTo(endOfLondonDayUtcMs(reportDue), 30 * 86_400_000);
    expect(recorded(handle.workflowId)).toHaveLength(0);
    const decided = await record(handle, { type: 'remain_with_council_decided', on: await today() });
    expect(decided.phase).toBe('remain_with_council');
    expect(decided.clocks.at(-1)).toMatchObject({ name: 'directionReview', status: 'running', baseline: 2 });
  });

  it('ADM live: the quarterly commissioner update reminds and escalates, and an update re-arms the next quarter', async () => {
    const handle = await startIntervention();
    const on = await today();
    for (const step of [
      { type: 'statutory_direction_issued', on, commissionerName: 'T. Doughty', commissionerAppointedOn: on },
      { type: 'commissioner_report_received', on, recommendation: 'alternative_delivery_model' },
      { type: 'adm_options_directed', on },
      { type: 'adm_business_case_submitted', on, model: 'council_company', deliveryBodyName: 'Northmoor Children First' },
      { type: 'adm_shadow_started', on },
      { type: 'adm_went_live', on },
    ] as TInterventionStep[]) await record(handle, step);
    const due = addMonths(on, 3);
    const [remind, overdue] = scheduleLadder(DEFAULT_COMMISSIONER_UPDATE_LADDER, due, cal);
    await skipTo(overdue!.fireAt, 1000);
    await vi.waitFor(() => expect(recorded(handle.workflowId)).toHaveLength(2));
    // Baselines: commissioner's report 1, quarterly update 2.
    expectFiredAt(handle.workflowId, [
      { stepId: 'remind-5', fireAt: remind!.fireAt, baseline: 2, ladderId: 'commissioner-update' },
      { stepId: 'overdue-0', fireAt: overdue!.fireAt, baseline: 2, ladderId: 'commissioner-update' },
    ]);
    const receivedOn = await today();
    const next = await record(handle, { type: 'commissioner_update_received', on: receivedOn, summary: 'Caseloads at 16' });
    expect(next.clocks.at(-1)).toMatchObject({ baseline: 3, dueOn: addMonths(receivedOn, 3), status: 'running' });
    expect(next.commissionerUpdates).toHaveLength(1);
  });

  it('a lifted notice completes the workflow and nothing fires afterwards', async () => {
    const handle = await startIntervention();
    const on = await today();
    await record(handle, { type: 'improvement_notice_issued', on, adviserName: 'J. Adviser' });
    await record(handle, { type: 'intervention_closed', on });
    const final = await closedResult<TInterventionState>(rig.env, handle);
    expect(final.phase).toBe('closed');
    await rig.env.sleep('240 days');
    expect(recorded(handle.workflowId)).toHaveLength(0);
    expect(fake.projectionsFor(handle.workflowId).at(-1)).toMatchObject({ kind: 'intervention', phase: 'closed', dueOn: null, stateVersion: 3 });
  });

  it('rejects impossible DfE steps with their reason and leaves no UpdateAccepted event', async () => {
    const handle = await startIntervention();
    const on = await today();
    const tries: [TInterventionStep, RegExp][] = [
      [{ type: 'adm_went_live', on }, /Cannot record the ADM going live: Northmoor Borough Council is not under DfE intervention/],
      [{ type: 'review_held', on, summary: 'No notice yet' }, /Cannot record a review/],
      [{ type: 'improvement_notice_issued', on: cal.addWorkingDays(on, 5), adviserName: 'J. Adviser' }, /is in the future/],
      [{ type: 'statutory_direction_issued', on, commissionerName: 'T. Doughty', commissionerAppointedOn: addMonths(on, -1) }, /cannot be appointed before the direction/],
      [{ type: 'improvement_notice_issued', on } as TInterventionStep, /step.adviserName/],
      [{ type: 'trust_created', on } as unknown as TInterventionStep, /step.type/],
    ];
    for (const [step, reason] of tries) {
      const err = await record(handle, step).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(rejection(err)).toMatch(reason);
    }
    expect(await acceptedUpdates(handle)).toBe(0);
    const state = await handle.query(stateQuery);
    expect([state.phase, state.version]).toEqual(['none', 1]);
  });
});
