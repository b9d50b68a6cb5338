/**
 * The monitoring-visit, intervention and information-request routers through createCaller on real
 * PostgreSQL: rows written as the workflows write them (domain reducer → projectLifecycleRecord),
 * "now" pinned; commands against a recording stand-in for Temporal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowNotFoundError } from '@temporalio/client';
import { projectLifecycleRecord } from '@ip/activities';
import {
  DEFAULT_COMMISSIONER_REPORT_LADDER, DEFAULT_COMMISSIONER_UPDATE_LADDER, DEFAULT_INFO_REQUEST_LADDER, DEFAULT_INTERVENTION_REVIEW_LADDER,
  DEFAULT_MV_NEW_ACTIONS_LADDER, defaultInformationRequestContext, defaultInterventionContext, defaultMonitoringVisitContext,
  londonMidnightUtcMs, reduceInformationRequest, reduceIntervention, reduceMonitoringVisit, type TActor,
} from '@ip/domain';
import { appRouter } from '../root.js';
import { createCallerFactory } from '../trpc.js';
import { createContextInner } from '../context.js';
import { failure, PROGRAMME_ID, rid, startRouterTest, type RouterTest } from '../test-support.js';
import { fakeTemporal } from './fake-temporal.js';
import { informationRequestMachine, interventionMachine, monitoringVisitMachine } from '@ip/workflows/events';

// Each row's columns as its workflow writes them (the machine's row function).
const describeRequest = (s: Parameters<NonNullable<ReturnType<typeof informationRequestMachine>['row']>>[0]) => informationRequestMachine().row!(s) as { kind: 'information_request'; programmeId: string | null; onsCode: string | null; title: string; phase: string; dueOn: string | null };
const describeVisit = (s: Parameters<NonNullable<ReturnType<typeof monitoringVisitMachine>['row']>>[0]) => monitoringVisitMachine().row!(s) as { kind: 'monitoring_visit'; programmeId: string | null; onsCode: string | null; title: string; phase: string; dueOn: string | null };
const describeIntervention = (s: Parameters<NonNullable<ReturnType<typeof interventionMachine>['row']>>[0]) => interventionMachine().row!(s) as { kind: 'intervention'; programmeId: string | null; onsCode: string | null; title: string; phase: string; dueOn: string | null };

const at = (d: string) => londonMidnightUtcMs(d) + 10 * 3_600_000;
const NOW = at('2026-03-16');
const pm: TActor = { userId: 'u-pm', role: 'programme_manager' };
const ONS = 'E09000099';

function request(id: string, subject: string, requestedOn: string, dueOn: string, answeredOn?: string) {
  const ctx = defaultInformationRequestContext();
  let s = reduceInformationRequest(null, {
    type: 'request_opened', at: at(requestedOn), id, programmeId: PROGRAMME_ID, onsCode: ONS, requester: { kind: 'committee', name: 'Scrutiny' },
    subject, requestedOn, dueOn, ladder: DEFAULT_INFO_REQUEST_LADDER, actor: pm, reason: 'Asked at committee',
  }, ctx);
  if (answeredOn) s = reduceInformationRequest(s, { type: 'answered', at: at(answeredOn), answeredOn, summary: 'Sent the figures', actor: pm, reason: 'Answered' }, ctx);
  return { id, ...describeRequest(s), state: s, stateVersion: s.version };
}

let t: RouterTest;
beforeAll(async () => {
  t = await startRouterTest();
  await projectLifecycleRecord(t.prisma, request('ir-late', 'Churn explanation', '2026-02-02', '2026-03-06'));
  await projectLifecycleRecord(t.prisma, request('ir-open', 'Agency spend by team', '2026-03-02', '2026-04-15'));
  await projectLifecycleRecord(t.prisma, request('ir-done', 'Caseload figures', '2026-01-05', '2026-02-02', '2026-01-30'));
  const mv = reduceMonitoringVisit(null, {
    type: 'visit_scheduled', at: at('2026-03-02'), id: `${PROGRAMME_ID}-mv-1`, programmeId: PROGRAMME_ID, onsCode: ONS, authorityName: 'Northmoor Borough Council',
    number: 1, theme: 'Children in care', plannedStartOn: '2026-05-11', newActionsLadder: DEFAULT_MV_NEW_ACTIONS_LADDER,
  }, defaultMonitoringVisitContext());
  await projectLifecycleRecord(t.prisma, { id: mv.id, ...describeVisit(mv), state: mv, stateVersion: mv.version });
  const ictx = defaultInterventionContext();
  const opened = reduceIntervention(null, {
    type: 'intervention_opened', at: at('2026-01-05'), id: `intervention-${ONS}-1`, programmeId: PROGRAMME_ID, onsCode: ONS, authorityName: 'Northmoor Borough Council',
    actor: pm, reason: 'DfE letter', ladders: { review: DEFAULT_INTERVENTION_REVIEW_LADDER, commissionerReport: DEFAULT_COMMISSIONER_REPORT_LADDER, commissionerUpdate: DEFAULT_COMMISSIONER_UPDATE_LADDER },
  }, ictx);
  const iv = reduceIntervention(opened, { type: 'improvement_notice_issued', on: '2026-01-05', adviserName: 'A. Adviser', at: at('2026-01-06'), actor: pm, reason: 'Notice received' }, ictx);
  await projectLifecycleRecord(t.prisma, { id: iv.id, ...describeIntervention(iv), state: iv, stateVersion: iv.version });
});
afterAll(() => t?.close());

const caller = (role: 'programme_manager' | 'auditor' | 'admin', temporal: unknown = {}) =>
  createCallerFactory(appRouter)(createContextInner({ prisma: t.prisma, temporal: temporal as never, now: () => NOW }, { user: t.users[role] }));

describe('lifecycle reads', () => {
  it('information requests: one kind per router, sorted by due date, filtered by open / overdue (for now) / text', async () => {
    const ids = async (filter: Record<string, unknown>) =>
      (await caller('auditor').informationRequests.getList({ filter, sort: { field: 'dueOn', order: 'ASC' } })).data.map((r) => r.id);
    expect(await ids({ programmeId: PROGRAMME_ID })).toEqual(['ir-late', 'ir-open', 'ir-done']);
    expect(await ids({ overdue: true })).toEqual(['ir-late']);
    expect(await ids({ open: false })).toEqual(['ir-done']);
    expect(await ids({ phase: ['open'] })).toEqual(['ir-late', 'ir-open']);
    expect(await ids({ q: 'agency' })).toEqual(['ir-open']);
    const late = (await caller('auditor').informationRequests.getOne({ id: 'ir-late' })).data;
    expect(late).toMatchObject({
      kind: 'information_request', phase: 'open', subject: 'Churn explanation', requester: { name: 'Scrutiny' }, dueOn: '2026-03-06', overdue: true, workingDaysLeft: -6,
    });
    expect(late.clocks[0]).toMatchObject({ dueOn: '2026-03-06', status: 'overdue', mode: 'deadline' });
    expect(late.history[0]?.at).toBe(new Date(at('2026-02-02')).toISOString());
    expect((await caller('auditor').informationRequests.getOne({ id: 'ir-done' })).data).toMatchObject({ phase: 'answered', dueOn: null, workingDaysLeft: null, overdue: false });
  });

  it('monitoring visits and interventions: getList, getOne, getMany, getManyReference; another kind’s id is NOT_FOUND', async () => {
    const visits = await caller('auditor').monitoringVisits.getManyReference({ target: 'programmeId', id: PROGRAMME_ID });
    expect(visits.data.map((v) => [v.id, v.number, v.theme, v.phase, v.title])).toEqual([
      [`${PROGRAMME_ID}-mv-1`, 1, 'Children in care', 'scheduled', 'Monitoring visit 1: Children in care'],
    ]);
    // The evidence-pack clock only reminds: it never makes a visit overdue.
    expect(visits.data[0]?.clocks[0]).toMatchObject({ mode: 'reminder', status: 'running' });
    expect((await failure(caller('auditor').monitoringVisits.getOne({ id: 'ir-late' }))).code).toBe('NOT_FOUND');
    const iv = (await caller('auditor').interventions.getOne({ id: `intervention-${ONS}-1` })).data;
    expect(iv).toMatchObject({ phase: 'improvement_notice', notice: { adviserName: 'A. Adviser' }, title: 'DfE intervention: Northmoor Borough Council' });
    expect((await caller('auditor').interventions.getMany({ ids: [iv.id, 'ir-open'] })).data.map((r) => r.id)).toEqual([iv.id]);
    expect((await caller('auditor').interventions.getList({ filter: { onsCode: ONS } })).total).toBe(1);
  });
});

describe('lifecycle commands', () => {
  it('monitoring visit: programme + number name the workflow; the Update id is the command and request id', async () => {
    const temporal = fakeTemporal();
    const clientRequestId = rid();
    const res = await caller('programme_manager', temporal.client).monitoringVisits.recordFieldwork({
      programmeId: PROGRAMME_ID, number: 1, clientRequestId, reason: 'Two HMI on site', startedOn: '2026-05-11', endedOn: '2026-05-12', inspectors: ['HMI A', 'HMI B'],
    });
    expect(temporal.updates).toEqual([{
      workflowId: `${PROGRAMME_ID}-mv-1`, update: 'recordFieldwork', updateId: `recordFieldwork:${clientRequestId}`,
      args: [{ reason: 'Two HMI on site', startedOn: '2026-05-11', endedOn: '2026-05-12', inspectors: ['HMI A', 'HMI B'], actor: expect.objectContaining({ role: 'programme_manager' }) }],
    }]);
    expect(res.data.id).toBe(`${PROGRAMME_ID}-mv-1`);
    const missing = fakeTemporal(() => { throw new WorkflowNotFoundError('workflow not found', 'x', undefined); });
    const err = await failure(caller('programme_manager', missing.client).monitoringVisits.cancelVisit({ programmeId: PROGRAMME_ID, number: 7, clientRequestId: rid(), reason: 'Off' }));
    expect([err.code, err.message]).toEqual(['NOT_FOUND', `Monitoring visit 7 of ${PROGRAMME_ID} has not been scheduled`]);
  });

  it('information request and intervention commands; a finished workflow reads as closed', async () => {
    const temporal = fakeTemporal();
    await caller('admin', temporal.client).informationRequests.extendDueDate({ requestId: 'ir-open', clientRequestId: 'req-extend-1', reason: 'Chair agreed', newDueOn: '2026-04-30' });
    await caller('admin', temporal.client).interventions.recordStep({
      interventionId: `intervention-${ONS}-1`, clientRequestId: 'req-step-1', reason: 'Review held', step: { type: 'review_held', on: '2026-07-01', summary: 'Progress noted' },
    });
    expect(temporal.updates.map((u) => [u.workflowId, u.updateId])).toEqual([
      ['ir-open', 'extendDueDate:req-extend-1'], [`intervention-${ONS}-1`, 'recordInterventionStep:req-step-1'],
    ]);
    expect(temporal.updates[1]?.args[0]).toMatchObject({ reason: 'Review held', step: { type: 'review_held' } });
    const closed = fakeTemporal(() => { throw new WorkflowNotFoundError('workflow execution already completed', 'ir-done', undefined); });
    const err = await failure(caller('programme_manager', closed.client).informationRequests.withdraw({ requestId: 'ir-done', clientRequestId: rid(), reason: 'No longer needed' }));
    expect([err.code, err.message]).toEqual(['PRECONDITION_FAILED', 'This information request is closed (answered or withdrawn)']);
  });

  it('start and create check the authority and programme before touching Temporal; one open intervention per authority', async () => {
    const untouched = caller('programme_manager');
    expect((await failure(untouched.interventions.start({ clientRequestId: rid(), reason: 'DfE letter', onsCode: 'E09999999' }))).message).toContain('No authority');
    expect((await failure(untouched.informationRequests.create({
      clientRequestId: rid(), reason: 'Asked', onsCode: ONS, programmeId: 'programme-nope', requester: { kind: 'person', name: 'Cllr Jones' }, subject: 'Figures', dueOn: '2026-04-01',
    }))).message).toContain('No programme');
    const err = await failure(untouched.interventions.start({ clientRequestId: rid(), reason: 'DfE letter', onsCode: ONS }));
    expect([err.code, err.message]).toEqual(['CONFLICT', `Northmoor Borough Council is already in intervention (intervention-${ONS}-1)`]);
  });
});
