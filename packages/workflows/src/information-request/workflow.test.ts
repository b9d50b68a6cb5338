import { randomUUID } from 'node:crypto';
import { WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_INFO_REQUEST_LADDER, defaultCalendar, endOfLondonDayUtcMs, escalationId, scheduleLadder, type TInformationRequestState } from '@ip/domain';
import {
  answerInformationRequestUpdate as answer,
  extendInformationRequestDueDateUpdate as extend,
  informationRequestStateQuery as stateQuery,
  informationRequestWorkflowId,
  withdrawInformationRequestUpdate as withdraw,
  type InformationRequestWorkflowArgs,
} from './definitions.js';
import { acceptedUpdates, closedResult, lifecycleTestRig, rejection } from '../../testing/lifecycle-test-kit.js';

const cal = defaultCalendar();
const actor = { userId: 'u-pm', role: 'programme_manager' as const, name: 'Priya Shah' };
const rig = lifecycleTestRig();
const { fake, taskQueue, started } = rig;

const { today } = rig;
async function start(dueOn: string, extra: Partial<InformationRequestWorkflowArgs> = {}) {
  const workflowId = informationRequestWorkflowId('E09000099', randomUUID());
  const args: InformationRequestWorkflowArgs = {
    programmeId: 'programme-E09000099-1', onsCode: 'E09000099', subject: 'Explain social-worker churn (exit interviews)',
    requester: { kind: 'committee', name: "Children's Services Scrutiny Sub-Committee" }, dueOn, ...extra,
  };
  const handle = await rig.env.client.workflow.start('informationRequestWorkflow', { workflowId, taskQueue, args: [args] });
  started.push(handle);
  return handle;
}
/** Advance the server clock to `instant + offsetMs`. */
async function skipTo(instant: number, offsetMs = 0) {
  const ms = instant + offsetMs - (await rig.env.currentTimeMs());
  if (ms > 0) await rig.env.sleep(ms);
}
const recorded = (workflowId: string) => fake.escalationsFor(workflowId);

describe('informationRequestWorkflow on the time-skipping server', () => {
  it('reminds 5 WD before at 09:00 London and escalates at the end of the due date: each at its instant, once', async () => {
    const dueOn = cal.addWorkingDays(await today(), 15);
    const handle = await start(dueOn);
    const [remind, overdue] = scheduleLadder(DEFAULT_INFO_REQUEST_LADDER, dueOn, cal);
    expect(overdue!.fireAt).toBe(endOfLondonDayUtcMs(dueOn));

    await skipTo(remind!.fireAt, -1000);
    expect((await handle.query(stateQuery)).history.filter((h) => h.type === 'timer_fired')).toHaveLength(0);
    await rig.env.sleep(2000);
    await vi.waitFor(() => expect(recorded(handle.workflowId)).toHaveLength(1));
    const [r] = recorded(handle.workflowId);
    expect(r).toMatchObject({
      id: escalationId(handle.workflowId, 'info-request-default', 'remind-5', 1), kind: 'reminder', level: 'owner',
      subjectKind: 'information_request', programmeId: 'programme-E09000099-1', dueOn, fireAt: remind!.fireAt,
    });
    expect(r!.firedAt).toBeGreaterThanOrEqual(remind!.fireAt);
    expect(r!.firedAt).toBeLessThan(remind!.fireAt + 1000);

    await skipTo(overdue!.fireAt, -1000);
    const before = await handle.query(stateQuery, await rig.env.currentTimeMs());
    expect(before.clocks[0]?.status).toBe('running');
    expect(before.clocks[0]?.workingDaysLeft).toBe(0);
    await rig.env.sleep(2000);
    await vi.waitFor(() => expect(recorded(handle.workflowId)).toHaveLength(2));
    const esc = recorded(handle.workflowId)[1]!;
    expect(esc).toMatchObject({ stepId: 'overdue-0', kind: 'escalation', level: 'committee_chair' });
    expect(esc.firedAt - overdue!.fireAt).toBeGreaterThanOrEqual(0);
    expect(esc.firedAt - overdue!.fireAt).toBeLessThan(1000);
    const after = await handle.query(stateQuery);
    expect(after.clocks[0]?.status).toBe('overdue');
    expect(after.clocks[0]?.nextStep).toBeNull();

    // Weeks later nothing more has fired, and each escalation was sent to the activity once.
    await rig.env.sleep('30 days');
    expect(recorded(handle.workflowId)).toHaveLength(2);
    expect(fake.calls.filter((c) => c.workflowId === handle.workflowId)).toHaveLength(2);
    const versions = fake.projectionsFor(handle.workflowId).map((p) => p.stateVersion);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(fake.projectionsFor(handle.workflowId).at(-1)).toMatchObject({ kind: 'information_request', phase: 'open', dueOn });
  });

  it('an answer completes the workflow and nothing fires afterwards', async () => {
    const t = await today();
    const handle = await start(cal.addWorkingDays(t, 10));
    await handle.executeUpdate(answer, { args: [{ actor, reason: 'Sent to the chair', answeredOn: t, summary: 'Pay and caseloads' }] });
    const view = await handle.query(stateQuery);
    expect(view.phase).toBe('answered');
    expect(view.clocks[0]?.status).toBe('met');
    const final = await closedResult<TInformationRequestState>(rig.env, handle);
    expect(final.phase).toBe('answered');
    await rig.env.sleep('60 days');
    expect(recorded(handle.workflowId)).toHaveLength(0);
    expect(fake.projectionsFor(handle.workflowId).at(-1)).toMatchObject({ phase: 'answered', dueOn: null });
  });

  it('a withdrawal after the reminder stops the ladder: the overdue escalation never fires', async () => {
    const dueOn = cal.addWorkingDays(await today(), 8);
    const handle = await start(dueOn);
    const [remind] = scheduleLadder(DEFAULT_INFO_REQUEST_LADDER, dueOn, cal);
    await skipTo(remind!.fireAt, 60_000);
    await vi.waitFor(() => expect(recorded(handle.workflowId)).toHaveLength(1));
    await handle.executeUpdate(withdraw, { args: [{ actor, reason: 'Covered by the annual report' }] });
    expect((await closedResult<TInformationRequestState>(rig.env, handle)).phase).toBe('withdrawn');
    await skipTo(endOfLondonDayUtcMs(dueOn), 30 * 86_400_000);
    expect(recorded(handle.workflowId).map((e) => e.stepId)).toEqual(['remind-5']);
  });

  it('extendDueDate re-arms the ladder under a new baseline; the old date never escalates', async () => {
    const oldDue = cal.addWorkingDays(await today(), 7);
    const handle = await start(oldDue);
    const [oldRemind] = scheduleLadder(DEFAULT_INFO_REQUEST_LADDER, oldDue, cal);
    await skipTo(oldRemind!.fireAt, 60_000);
    await vi.waitFor(() => expect(recorded(handle.workflowId)).toHaveLength(1));
    const newDue = cal.addWorkingDays(oldDue, 10);
    await handle.executeUpdate(extend, { args: [{ actor, reason: 'Chair agreed a later date', newDueOn: newDue }] });
    const view = await handle.query(stateQuery);
    expect(view.dueOn).toBe(newDue);
    expect(view.clocks.map((c) => [c.baseline, c.status])).toEqual([[1, 'closed'], [2, 'running']]);

    await skipTo(endOfLondonDayUtcMs(oldDue), 86_400_000);
    expect(recorded(handle.workflowId)).toHaveLength(1);
    const [newRemind, newOverdue] = scheduleLadder(DEFAULT_INFO_REQUEST_LADDER, newDue, cal);
    await skipTo(newOverdue!.fireAt, 1000);
    await vi.waitFor(() => expect(recorded(handle.workflowId)).toHaveLength(3));
    expect(recorded(handle.workflowId).map((e) => [e.id, e.fireAt])).toEqual([
      [escalationId(handle.workflowId, 'info-request-default', 'remind-5', 1), oldRemind!.fireAt],
      [escalationId(handle.workflowId, 'info-request-default', 'remind-5', 2), newRemind!.fireAt],
      [escalationId(handle.workflowId, 'info-request-default', 'overdue-0', 2), newOverdue!.fireAt],
    ]);
  });

  it('rejects invalid Updates with their reason and leaves no UpdateAccepted event', async () => {
    const t = await today();
    const dueOn = cal.addWorkingDays(t, 20);
    const handle = await start(dueOn);
    const tries: [() => Promise<unknown>, RegExp][] = [
      [() => handle.executeUpdate(answer, { args: [{ actor, reason: 'Answered', answeredOn: cal.addWorkingDays(t, 3), summary: 'Early' }] }), /is in the future/],
      [() => handle.executeUpdate(extend, { args: [{ actor, reason: 'Typo', newDueOn: '2027-02-30' }] }), /newDueOn: "2027-02-30" does not exist/],
      [() => handle.executeUpdate(extend, { args: [{ actor, reason: 'Shorter', newDueOn: t }] }), /later than the current one/],
      [() => handle.executeUpdate(withdraw, { args: [{ actor, reason: '' }] }), /reason: Give a reason/],
      [() => handle.executeUpdate(answer, { args: [{ actor: { userId: '', role: 'programme_manager' }, reason: 'Answered', answeredOn: t, summary: 'Done' }] }), /actor.userId/],
    ];
    for (const [send, reason] of tries) {
      const err = await send().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(rejection(err)).toMatch(reason);
    }
    await handle.executeUpdate(withdraw, { args: [{ actor, reason: 'No longer needed' }] });
    await closedResult(rig.env, handle);
    expect(await acceptedUpdates(handle)).toBe(1);
    const state = await handle.query(stateQuery);
    expect(state.version).toBe(2);
    expect(state.history.map((h) => h.type)).toEqual(['request_opened', 'withdrawn']);
  });

  it('fails at once, with the reason, when started with impossible arguments', async () => {
    const handle = await start('2027-01-01', { requestedOn: '2027-02-01' });
    const err = await closedResult(rig.env, handle).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    expect(rejection(err)).toMatch(/cannot be due before the request was made/);
  });
});
