import { WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACTION_LADDER, escalationId, scheduleLadder, ukClockChangesUtcMs, type ScheduledStep } from '@ip/domain';
import {
  actionStateQuery,
  approveActionExtensionUpdate,
  attachActionEvidenceUpdate,
  cancelActionUpdate,
  requestActionExtensionUpdate,
  requestActionSignOffUpdate,
  signOffActionUpdate,
  updateActionProgressUpdate,
} from './definitions.js';
import { auditor, calendar, eventually, harness, pm, pm2, straddlingDueDate, type Harness } from '../../testing/action-test-harness.js';
import { workflowBundle } from '../../testing/env.js';

const ladder = DEFAULT_ACTION_LADDER;
let h: Harness | undefined;
beforeAll(async () => {
  await workflowBundle();
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const idOf = (workflowId: string, s: ScheduledStep, baseline = 0) => escalationId(workflowId, ladder.id, s.step.id, baseline);
const day = 86_400_000;

/** Skips to just before and just after each instant: nothing early, then recorded within 1 s. */
async function expectFiresExactly(hh: Harness, workflowId: string, steps: ScheduledStep[], baseline = 0) {
  for (const s of steps) {
    const id = idOf(workflowId, s, baseline);
    await hh.sleepUntil(s.fireAt - 1000);
    expect(hh.escalations.has(id), `${id} fired early`).toBe(false);
    await hh.sleepUntil(s.fireAt + 1000);
    const fact = await eventually(() => hh.escalations.get(id) ?? Promise.reject(new Error(`${id} not recorded`)));
    expect(fact.fireAt).toBe(s.fireAt);
    expect(fact.firedAt).toBeGreaterThanOrEqual(s.fireAt);
    expect(fact.firedAt).toBeLessThan(s.fireAt + 1000);
    expect(fact).toMatchObject({ workflowId, subjectKind: 'action', stepId: s.step.id, level: s.step.level, dueOn: expect.any(String) });
  }
}

describe('actionWorkflow on the time-skipping server', () => {
  it('(a) fires every ladder step at its exact instant, across the spring clock change', async () => {
    h = await harness();
    const dueOn = straddlingDueDate(await h.env.currentTimeMs());
    if (new Date(await h.env.currentTimeMs()).getUTCFullYear() === 2026) expect(dueOn).toBe('2027-04-01');
    const handle = await h.start({ dueOn, ofstedLinked: true });
    const steps = scheduleLadder(ladder, dueOn, calendar, { ofstedLinked: true });
    const { bstStartsMs } = ukClockChangesUtcMs(Number(dueOn.slice(0, 4)));
    expect(steps.filter((s) => s.fireAt < bstStartsMs).map((s) => s.step.id)).toEqual(['remind-10', 'remind-5']);

    const v0 = await handle.query(actionStateQuery);
    expect(v0.pendingSteps.map((p) => [p.stepId, p.fireAt, p.escalationId])).toEqual(
      steps.map((s) => [s.step.id, s.fireAt, idOf(handle.workflowId, s)]));
    expect(v0.timeLeft.workingDays).toBe(calendar.workingDaysBetween(v0.createdOn, dueOn));
    expect(v0.timeLeft.ms).toBe(v0.dueAt - v0.asAt);

    await expectFiresExactly(h, handle.workflowId, steps);
    // 09:00 London is 09:00 UTC before the change and 08:00 UTC after it.
    expect(new Date(steps[0]!.fireAt).getUTCHours()).toBe(9);
    expect(new Date(steps.at(-1)!.fireAt).getUTCHours()).toBe(8);

    const v = await handle.query(actionStateQuery);
    expect(v.steps.map((s) => s.stepId)).toEqual(steps.map((s) => s.step.id));
    expect(v.rag.rag).toBe('red');
    expect(v.pendingSteps).toEqual([]);
    expect(h.escalations.size).toBe(steps.length);
    // Each escalation's emails went to its own delivery workflow, once.
    await eventually(() => expect([...h!.deliveries].sort()).toEqual([...h!.escalations.keys()].sort()));
    // Time alone turned it amber and then red, and the read model was told each time.
    expect(h.projected.map((s) => s.rag.rag)).toEqual(expect.arrayContaining(['green', 'amber', 'red']));
  });

  it('(b) an approved extension moves every pending timer; old-baseline steps never fire', async () => {
    h = await harness();
    const dueOn = straddlingDueDate(await h.env.currentTimeMs());
    const handle = await h.start({ dueOn, ofstedLinked: false });
    const old = scheduleLadder(ladder, dueOn, calendar);
    await expectFiresExactly(h, handle.workflowId, old.slice(0, 1));

    const newDueOn = calendar.addWorkingDays(dueOn, 30);
    await handle.executeUpdate(requestActionExtensionUpdate, {
      args: [{ actor: pm, reason: 'Provider contract starts late', newDueOn, justification: 'The new provider starts in April' }],
    });
    await handle.executeUpdate(approveActionExtensionUpdate, { args: [{ actor: pm2, reason: 'Agreed at the board' }] });
    const approved = await handle.query(actionStateQuery);
    expect(approved).toMatchObject({ dueOn: newDueOn, baseline: 1 });
    const fresh = scheduleLadder(ladder, newDueOn, calendar).filter((s) => s.fireAt >= approved.baselineSetAt);
    expect(approved.pendingSteps.map((p) => [p.stepId, p.fireAt, p.baseline])).toEqual(fresh.map((s) => [s.step.id, s.fireAt, 1]));

    await expectFiresExactly(h, handle.workflowId, fresh, 1);
    await h.sleepUntil(fresh.at(-1)!.fireAt + 30 * day);
    const ids = [...h.escalations.keys()].map((k) => k.slice(handle.workflowId.length + 1));
    expect(ids).toEqual([`${ladder.id}/remind-10/b0`, ...fresh.map((s) => `${ladder.id}/${s.step.id}/b1`)]);
    const v = await handle.query(actionStateQuery);
    expect(v.steps.filter((s) => s.baseline === 0).map((s) => s.stepId)).toEqual(['remind-10']);
    // The recorded history replays deterministically against the same bundle.
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, await handle.fetchHistory(), handle.workflowId);
  });

  it('(c) nothing fires after sign-off or cancellation, and both workflows complete', async () => {
    h = await harness();
    const dueOn = straddlingDueDate(await h.env.currentTimeMs());
    const done = await h.start({ dueOn, ofstedLinked: true });
    const gone = await h.start({ dueOn, ofstedLinked: true });
    const first = scheduleLadder(ladder, dueOn, calendar)[0]!;
    await h.sleepUntil(first.fireAt + 1000);
    await eventually(() => expect(h!.escalations.size).toBe(2));

    await done.executeUpdate(updateActionProgressUpdate, { args: [{ actor: pm, reason: 'Month end', percentComplete: 100, note: 'All teams trained' }] });
    await done.executeUpdate(attachActionEvidenceUpdate, { args: [{ actor: pm, reason: 'Evidence', title: 'Audit of 40 cases', reference: 'QA-7' }] });
    await done.executeUpdate(requestActionSignOffUpdate, { args: [{ actor: pm, reason: 'Done' }] });
    await done.executeUpdate(signOffActionUpdate, { args: [{ actor: pm2, reason: 'Evidence checked' }] });
    expect((await done.query(actionStateQuery)).status).toBe('complete');
    await gone.executeUpdate(cancelActionUpdate, { args: [{ actor: pm, reason: 'Merged into action 4.2' }] });

    expect(((await done.result()) as { status: string }).status).toBe('complete');
    expect(((await gone.result()) as { status: string }).status).toBe('cancelled');
    await h.sleepUntil(first.fireAt + 120 * day);
    expect([...h.escalations.keys()].map((k) => k.split('/').slice(-2).join('/'))).toEqual(['remind-10/b0', 'remind-10/b0']);
    expect(h.attempts).toHaveLength(2);
  });

  it('(d) an invalid Update is rejected with its reason and never reaches history', async () => {
    h = await harness();
    const dueOn = straddlingDueDate(await h.env.currentTimeMs());
    const handle = await h.start({ dueOn, ofstedLinked: false });
    const reject = async (p: Promise<unknown>, message: RegExp) => {
      const err = await p.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(String((err as WorkflowUpdateFailedError).cause?.message)).toMatch(message);
    };
    await reject(handle.executeUpdate(approveActionExtensionUpdate, { updateId: 'bad-1', args: [{ actor: pm2, reason: 'Agreed' }] }),
      /There is no extension request to decide/);
    await reject(handle.executeUpdate(requestActionExtensionUpdate, { updateId: 'bad-2',
      args: [{ actor: pm, reason: 'typo', newDueOn: calendar.addWorkingDays(dueOn, -3), justification: 'We meant a later date' }] }),
      /An extension must move the due date later/);
    await reject(handle.executeUpdate(updateActionProgressUpdate, { updateId: 'bad-3',
      args: [{ actor: pm, reason: 'typo', percentComplete: 150, note: 'Far too keen' }] }), /percentComplete/);
    await reject(handle.executeUpdate(cancelActionUpdate, { updateId: 'bad-4', args: [{ actor: auditor, reason: 'Looks odd' }] }),
      /Auditors can read actions but not change them/);
    await handle.executeUpdate(requestActionExtensionUpdate, { updateId: 'good-1',
      args: [{ actor: pm, reason: 'slip', newDueOn: calendar.addWorkingDays(dueOn, 10), justification: 'Provider starts late' }] });
    await reject(handle.executeUpdate(approveActionExtensionUpdate, { updateId: 'bad-5', args: [{ actor: pm, reason: 'mine' }] }),
      /An extension cannot be approved by the person who asked for it/);

    const history = await handle.fetchHistory();
    const accepted = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)
      .map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId);
    expect(accepted).toEqual(['good-1']);
    const v = await handle.query(actionStateQuery);
    expect(v.version).toBe(2);
    expect(v.pendingExtension?.requestedBy.userId).toBe('u-pm');
  });

  it('(d) a start with an invalid definition fails the workflow with the reason', async () => {
    h = await harness();
    const handle = await h.start({ dueOn: '2027-02-30', ofstedLinked: false });
    const err = await handle.result().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    expect(String((err as WorkflowFailedError).cause?.message)).toMatch(/^definition\.dueOn: /);
  });

  it('(e) a retried Update with the same id has one effect', async () => {
    h = await harness();
    const handle = await h.start({ dueOn: straddlingDueDate(await h.env.currentTimeMs()), ofstedLinked: false });
    const cmd = { actor: pm, reason: 'Monthly return', percentComplete: 40, note: 'Provider appointed' };
    const first = await handle.executeUpdate(updateActionProgressUpdate, { updateId: 'req-progress-1', args: [cmd] });
    const second = await handle.executeUpdate(updateActionProgressUpdate, { updateId: 'req-progress-1', args: [cmd] });
    expect(second.version).toBe(first.version);
    const v = await handle.query(actionStateQuery);
    expect(v.history.filter((e) => e.type === 'progress_updated')).toHaveLength(1);
    expect(v.version).toBe(2);
  });

  it('(f) the +20 working-day step fires only for an Ofsted-linked action', async () => {
    h = await harness();
    const dueOn = straddlingDueDate(await h.env.currentTimeMs());
    const linked = await h.start({ dueOn, ofstedLinked: true });
    const plain = await h.start({ dueOn, ofstedLinked: false });
    const dfe = scheduleLadder(ladder, dueOn, calendar, { ofstedLinked: true }).find((s) => s.step.id === 'dfe-20')!;
    expect(dfe.fireOn).toBe(calendar.addWorkingDays(dueOn, 20));
    await expectFiresExactly(h, linked.workflowId, [dfe]);
    await h.sleepUntil(dfe.fireAt + 30 * day);
    expect(h.escalations.has(idOf(plain.workflowId, dfe))).toBe(false);
    const steps = (await plain.query(actionStateQuery)).steps.map((s) => s.stepId);
    expect(steps).toEqual(['remind-10', 'remind-5', 'red-0', 'pm-5', 'director-10']);
    expect((await linked.query(actionStateQuery)).steps.map((s) => s.stepId)).toContain('dfe-20');
  });
});
