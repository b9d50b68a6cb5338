import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_MV_EVIDENCE_PACK_LADDER, DEFAULT_MV_NEW_ACTIONS_LADDER, defaultCalendar, endOfLondonDayUtcMs, escalationId,
  londonMidnightUtcMs, scheduleLadder,
} from '@ip/domain';
import { acceptedUpdates, closedResult, lifecycleTestRig, rejection } from '../../testing/lifecycle-test-kit.js';
import {
  cancelVisitUpdate, confirmNewActionsCreatedUpdate, monitoringVisitStateQuery as stateQuery, monitoringVisitWorkflowId,
  publishLetterUpdate, recordDraftLetterUpdate, recordFieldworkUpdate, submitAccuracyCorrectionsUpdate,
  type MonitoringVisitResult, type MonitoringVisitWorkflowArgs,
} from './definitions.js';

const cal = defaultCalendar();
const actor = { userId: 'u-pm', role: 'programme_manager' as const, name: 'Priya Shah' };
const meta = { actor, reason: 'Recorded from Ofsted correspondence' };
const findings = { areasOfProgress: ['Front door decisions are timely'], areasForImprovement: ['Quality of care plans'] };
const rig = lifecycleTestRig();
const { fake, taskQueue, started, now, today, skipTo } = rig;
/** Noon in London on `d`. */
const noonOf = (d: string) => londonMidnightUtcMs(d) + 12 * 3_600_000;
async function startVisit(plannedStartOn: string, n = 3) {
  const programmeId = `programme-E09000099-${randomUUID()}`;
  const args: MonitoringVisitWorkflowArgs = {
    programmeId, onsCode: 'E09000099', authorityName: 'Northmoor Borough Council', number: n, theme: 'children in care', plannedStartOn,
  };
  const handle = await rig.env.client.workflow.start('monitoringVisitWorkflow', { workflowId: monitoringVisitWorkflowId(programmeId, n), taskQueue, args: [args] });
  started.push(handle);
  return handle;
}
/** Drives a visit from scheduled to published, all on `day` (today on the server). */
async function publishToday(handle: WorkflowHandle, day: string) {
  await handle.executeUpdate(recordFieldworkUpdate, { args: [{ ...meta, startedOn: day, endedOn: day, inspectors: ['HMI Jones', 'HMI Patel'] }] });
  await handle.executeUpdate(recordDraftLetterUpdate, { args: [{ ...meta, receivedOn: day }] });
  await handle.executeUpdate(publishLetterUpdate, { args: [{ ...meta, publishedOn: day, findings }] });
  return handle.query(stateQuery);
}
const recorded = (id: string) => fake.escalationsFor(id);

describe('monitoringVisitWorkflow on the time-skipping server', () => {
  it('reminds about the evidence pack at 09:00 London 5 WD and 1 WD before it is due (10 WD before fieldwork)', async () => {
    const planned = cal.addWorkingDays(await today(), 25);
    const handle = await startVisit(planned);
    const packDue = cal.addWorkingDays(planned, -10);
    const [r5, r1] = scheduleLadder(DEFAULT_MV_EVIDENCE_PACK_LADDER, packDue, cal);
    const view = await handle.query(stateQuery, await now());
    expect(view.evidencePackDueOn).toBe(packDue);
    expect(view.clocks[0]).toMatchObject({ name: 'evidencePack', mode: 'reminder', workingDaysLeft: 15, nextStep: { stepId: 'remind-5', fireAt: r5!.fireAt } });

    await skipTo(r5!.fireAt, -1000);
    expect(recorded(handle.workflowId)).toHaveLength(0);
    await rig.env.sleep(2000);
    await vi.waitFor(() => expect(recorded(handle.workflowId)).toHaveLength(1));
    await skipTo(r1!.fireAt, 1000);
    await vi.waitFor(() => expect(recorded(handle.workflowId)).toHaveLength(2));
    for (const [fact, s] of recorded(handle.workflowId).map((f, i) => [f, [r5, r1][i]!] as const)) {
      expect(fact).toMatchObject({ id: escalationId(handle.workflowId, 'mv-evidence-pack', s.step.id, 1), kind: 'reminder', fireAt: s.fireAt, dueOn: packDue });
      expect(fact.firedAt - s.fireAt).toBeGreaterThanOrEqual(0);
      expect(fact.firedAt - s.fireAt).toBeLessThan(1000);
    }
  });

  it('new actions confirmed in time: never escalates; closes when the 10 WD window ends and returns the summary', async () => {
    const planned = cal.addWorkingDays(await today(), 12);
    const handle = await startVisit(planned);
    await skipTo(noonOf(planned));
    await handle.executeUpdate(recordFieldworkUpdate, { args: [{ ...meta, startedOn: planned, endedOn: cal.addWorkingDays(planned, 1), inspectors: ['HMI Jones'] }] });
    const draftOn = cal.addWorkingDays(planned, 8);
    await skipTo(noonOf(draftOn));
    await handle.executeUpdate(recordDraftLetterUpdate, { args: [{ ...meta, receivedOn: draftOn }] });
    await handle.executeUpdate(submitAccuracyCorrectionsUpdate, { args: [{ ...meta, sentOn: draftOn, note: 'Caseload average is 17, not 21' }] });
    const publishedOn = cal.addWorkingDays(draftOn, 3);
    await skipTo(noonOf(publishedOn));
    await handle.executeUpdate(publishLetterUpdate, { args: [{ ...meta, publishedOn, findings }] });
    const published = await handle.query(stateQuery);
    const dueBy = cal.addWorkingDays(publishedOn, 10);
    expect(published).toMatchObject({ phase: 'published', newActionsDueBy: dueBy });
    expect(published.clocks.find((c) => c.name === 'newActions')).toMatchObject({ status: 'running', workingDaysLeft: 10 });

    await skipTo(noonOf(cal.addWorkingDays(publishedOn, 2)));
    await handle.executeUpdate(confirmNewActionsCreatedUpdate, { args: [{ ...meta, actionRefs: ['A-301', 'A-302'] }] });
    const confirmed = await handle.query(stateQuery);
    expect(confirmed.phase).toBe('response');
    await skipTo(endOfLondonDayUtcMs(dueBy), -1000);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await rig.env.sleep(2000);
    const summary = await closedResult<MonitoringVisitResult>(rig.env, handle);
    expect(summary).toEqual({
      number: 3, theme: 'children in care', outcome: 'closed', findings, newActionsDueBy: dueBy, letterPublishedOn: publishedOn,
      newActionRefs: ['A-301', 'A-302'],
    });
    await rig.env.sleep('30 days');
    expect(recorded(handle.workflowId).filter((e) => e.ladderId === 'mv-new-actions')).toHaveLength(0);
    const phases = fake.projectionsFor(handle.workflowId).map((p) => p.phase);
    expect([...new Set(phases)]).toEqual(['scheduled', 'fieldwork', 'letter_draft', 'published', 'response', 'closed']);
    const versions = fake.projectionsFor(handle.workflowId).map((p) => p.stateVersion);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('new actions not confirmed: reminder 3 WD before, then exactly one escalation at the end of the due date', async () => {
    const day = await today();
    const handle = await startVisit(day, 4);
    await publishToday(handle, day);
    const dueBy = cal.addWorkingDays(day, 10);
    const [remind, overdue] = scheduleLadder(DEFAULT_MV_NEW_ACTIONS_LADDER, dueBy, cal);
    await skipTo(overdue!.fireAt, -1000);
    await vi.waitFor(() => expect(recorded(handle.workflowId).map((e) => e.stepId)).toEqual(['remind-3']));
    expect(recorded(handle.workflowId)[0]!.fireAt).toBe(remind!.fireAt);
    await rig.env.sleep(2000);
    await vi.waitFor(() => expect(recorded(handle.workflowId)).toHaveLength(2));
    const esc = recorded(handle.workflowId)[1]!;
    expect(esc).toMatchObject({
      id: escalationId(handle.workflowId, 'mv-new-actions', 'overdue-0', 2), kind: 'escalation', level: 'director',
      subjectKind: 'monitoring_visit', subjectTitle: 'Monitoring visit 4: children in care', dueOn: dueBy,
    });
    expect(esc.firedAt - overdue!.fireAt).toBeGreaterThanOrEqual(0);
    expect(esc.firedAt - overdue!.fireAt).toBeLessThan(1000);

    await rig.env.sleep('20 days');
    expect(fake.calls.filter((c) => c.workflowId === handle.workflowId && c.kind === 'escalation')).toHaveLength(1);
    await handle.executeUpdate(confirmNewActionsCreatedUpdate, { args: [{ ...meta, actionRefs: ['A-401'] }] });
    const late = await handle.query(stateQuery);
    expect(late.clocks.find((c) => c.name === 'newActions')?.status).toBe('breached');
    expect((await closedResult<MonitoringVisitResult>(rig.env, handle)).newActionRefs).toEqual(['A-401']);
  });

  it('a cancelled visit returns at once and nothing fires afterwards', async () => {
    const planned = cal.addWorkingDays(await today(), 25);
    const handle = await startVisit(planned);
    await handle.executeUpdate(cancelVisitUpdate, { args: [{ actor, reason: 'Ofsted moved to a full inspection' }] });
    expect((await closedResult<MonitoringVisitResult>(rig.env, handle)).outcome).toBe('cancelled');
    await skipTo(endOfLondonDayUtcMs(planned), 86_400_000);
    expect(recorded(handle.workflowId)).toHaveLength(0);
  });

  it('rejects impossible transitions with their reason and leaves no UpdateAccepted event', async () => {
    const day = await today();
    const handle = await startVisit(cal.addWorkingDays(day, 20));
    const tries: [() => Promise<unknown>, RegExp][] = [
      [() => handle.executeUpdate(publishLetterUpdate, { args: [{ ...meta, publishedOn: day, findings }] }), /Cannot publish the letter: monitoring visit 3 is scheduled/],
      [() => handle.executeUpdate(recordFieldworkUpdate, { args: [{ ...meta, startedOn: cal.addWorkingDays(day, 2), endedOn: cal.addWorkingDays(day, 3), inspectors: ['HMI Jones'] }] }), /is in the future/],
      [() => handle.executeUpdate(recordDraftLetterUpdate, { args: [{ ...meta, receivedOn: day }] }), /Cannot record the draft letter/],
      // The payload's full rules (at least one action ref, at least one finding) are ZConfirmNewActionsInput's and
      // ZPublishLetterInput's, applied by the API (domain tests); the workflow checks fields, dates, actor and reason.
      [() => handle.executeUpdate(confirmNewActionsCreatedUpdate, { args: [{ ...meta } as never] }), /actionRefs: Required/],
      [() => handle.executeUpdate(publishLetterUpdate, { args: [{ ...meta, publishedOn: '2027-02-30', findings }] }), /publishedOn: "2027-02-30" does not exist/],
      [() => handle.executeUpdate(cancelVisitUpdate, { args: [{ reason: 'No actor' } as never] }), /^actor/],
    ];
    for (const [send, reason] of tries) {
      const err = await send().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(rejection(err)).toMatch(reason);
    }
    expect(await acceptedUpdates(handle)).toBe(0);
    expect((await handle.query(stateQuery)).version).toBe(1);
  });
});
