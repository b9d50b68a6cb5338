/**
 * End to end over HTTP, on real services (Temporal dev server at TEMPORAL_ADDRESS, a real worker on
 * the rig's own task queue, a fresh PostgreSQL database): actions, information requests,
 * interventions and monitoring visits driven through their routers, and the read model rebuilt
 * from Temporal by projections.rebuild and by the rebuild-projections CLI.
 *
 * Each run makes up its own authority (ONS code), so its workflow ids never meet another test's on
 * a shared dev server.
 */
import { execFile } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppRouter } from '@ip/api';
import { DEMO_PASSWORD } from '@ip/db/seed';
import { londonDateOf } from '@ip/domain';
import { actionStateQuery } from '@ip/workflows/definitions';
import { startRig, type Rig } from './testing.js';

let rig: Rig;
let pm: Awaited<ReturnType<typeof signIn>>['trpc'];
let admin: Awaited<ReturnType<typeof signIn>>['trpc'];
const ONS = `W${String(randomInt(10_000_000, 99_999_999))}`;
let programmeId = '';

async function signIn(email: string) {
  const c = rig.client();
  await c.trpc.auth.login.mutate({ email, password: DEMO_PASSWORD });
  return c;
}

/** The tRPC error a call fails with. */
async function refusal(call: Promise<unknown>) {
  const err = await call.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(TRPCClientError);
  const e = err as TRPCClientError<AppRouter>;
  return { code: e.data?.code, message: e.message };
}

const workflowClosed = (id: string) =>
  vi.waitFor(async () => {
    const d = await rig.temporal.workflow.getHandle(id).describe();
    expect(d.status.name).toBe('COMPLETED');
    return d;
  }, { timeout: 15_000, interval: 200 });

beforeAll(async () => {
  rig = await startRig();
  await rig.prisma.localAuthority.create({ data: { onsCode: ONS, name: 'Testmoor Borough Council' } });
  pm = (await signIn('pm@northmoor.gov.uk')).trpc;
  admin = (await signIn('admin@northmoor.gov.uk')).trpc;
  programmeId = (await pm.programmes.create.mutate({ onsCode: ONS, clientRequestId: randomUUID(), reason: 'Judged inadequate' })).data.id;
});
afterAll(async () => {
  await rig?.close();
});

const meta = (reason = 'Recorded at the programme board') => ({ clientRequestId: randomUUID(), reason });
const ids: { front: string; recruit: string; request: string; intervention: string; visit: string } = { front: '', recruit: '', request: '', intervention: '', visit: '' };

describe('workflow routers end to end: API → Temporal → worker → PostgreSQL', () => {
  it('creates actions (a retried create is one action) that list in due-date order', async () => {
    const create = { ...meta('From the ILACS recommendations'), programmeId, title: 'Audit the front door', workstream: 'Front door',
      owner: { name: 'Jo Bloggs', email: 'jo.bloggs@testmoor.gov.uk' }, dueOn: '2027-06-30', ofstedLinked: true };
    const front = await pm.actions.create.mutate(create);
    expect(front.data).toMatchObject({ status: 'open', rag: 'green', percentComplete: 0, dueOn: '2027-06-30', ofstedLinked: true });
    expect((await pm.actions.create.mutate(create)).data.id).toBe(front.data.id);
    const recruit = await pm.actions.create.mutate({ ...meta(), programmeId, title: 'Recruit six social workers', owner: { name: 'Sam Patel' }, dueOn: '2027-03-31', ofstedLinked: false });
    ids.front = front.data.id;
    ids.recruit = recruit.data.id;
    expect(await rig.prisma.action.count({ where: { programmeId } })).toBe(2);

    const list = (field: string, order: 'ASC' | 'DESC') =>
      pm.actions.getList.query({ filter: { programmeId }, sort: { field, order }, pagination: { page: 1, perPage: 10 } });
    expect((await list('dueOn', 'ASC')).data.map((a) => a.id)).toEqual([ids.recruit, ids.front]);
    const byDaysLeft = await list('workingDaysLeft', 'DESC');
    expect(byDaysLeft.data.map((a) => a.id)).toEqual([ids.front, ids.recruit]);
    expect(byDaysLeft.data[0]!.workingDaysLeft).toBeGreaterThan(byDaysLeft.data[1]!.workingDaysLeft!);
  });

  it('a progress update projects its RAG and percentage; the same command retried has one effect', async () => {
    const cmd = { ...meta('Monthly return'), actionId: ids.front, percentComplete: 60, note: 'Six of ten teams audited', ragAssessment: 'amber' as const };
    const updated = await pm.actions.updateProgress.mutate(cmd);
    expect(updated.data).toMatchObject({ percentComplete: 60, rag: 'amber', latestNote: 'Six of ten teams audited' });
    expect(updated.data.ragReasons).toContain('The owner rates it amber');
    const row = await rig.prisma.action.findUniqueOrThrow({ where: { id: ids.front } });
    expect([row.rag, row.percentComplete]).toEqual(['amber', 60]);

    const again = await pm.actions.updateProgress.mutate(cmd);
    expect(again.data.stateVersion).toBe(updated.data.stateVersion);
    const live = await rig.temporal.workflow.getHandle(ids.front).query(actionStateQuery);
    expect(live.history.filter((h) => h.type === 'progress_updated')).toHaveLength(1);
    expect((await rig.prisma.action.findUniqueOrThrow({ where: { id: ids.front } })).stateVersion).toBe(row.stateVersion);
  });

  it('an extension asked for by one user is approved by another and moves the due date', async () => {
    await pm.actions.requestExtension.mutate({ ...meta('Audit tool late'), actionId: ids.front, newDueOn: '2027-09-30', justification: 'The audit tool arrives three months late' });
    expect(await refusal(pm.actions.approveExtension.mutate({ ...meta('Agreed'), actionId: ids.front }))).toEqual({
      code: 'PRECONDITION_FAILED', message: 'An extension cannot be approved by the person who asked for it',
    });
    const approved = await admin.actions.approveExtension.mutate({ ...meta('Agreed at the improvement board'), actionId: ids.front });
    expect(approved.data).toMatchObject({ dueOn: '2027-09-30', originalDueOn: '2027-06-30', pendingExtension: null });
    expect(approved.data.extensions.map((e) => [e.outcome, e.decidedBy.name])).toEqual([['approved', 'Demo Administrator']]);
    expect((await rig.prisma.action.findUniqueOrThrow({ where: { id: ids.front } })).dueOn).toBe('2027-09-30');
  });

  it('once signed off, the action is closed: a further update is PRECONDITION_FAILED and says so', async () => {
    const actionId = ids.recruit;
    await pm.actions.updateProgress.mutate({ ...meta(), actionId, percentComplete: 100, note: 'All six in post' });
    await pm.actions.attachEvidence.mutate({ ...meta(), actionId, title: 'Appointment letters', reference: 'HR-2027-06' });
    await pm.actions.requestSignOff.mutate({ ...meta(), actionId });
    const signOff = { ...meta('Evidence checked'), actionId };
    const signed = await admin.actions.signOff.mutate(signOff);
    expect(signed.data).toMatchObject({ status: 'complete', rag: 'complete', workingDaysLeft: null });
    await workflowClosed(actionId);

    expect(await refusal(pm.actions.updateProgress.mutate({ ...meta(), actionId, percentComplete: 90, note: 'One left' }))).toEqual({
      code: 'PRECONDITION_FAILED', message: 'This action is closed (signed off or cancelled)',
    });
    // The sign-off itself retried after the workflow finished: Temporal answers a known Update id
    // with its first outcome, so the retry succeeds with one effect.
    expect((await admin.actions.signOff.mutate(signOff)).data).toMatchObject({ status: 'complete', stateVersion: signed.data.stateVersion });
    expect((await pm.actions.getOne.query({ id: actionId })).data.history.filter((h) => h.type === 'signed_off')).toHaveLength(1);
  });

  it('an information request is created, listed, answered, and closed to further commands', async () => {
    const created = await pm.informationRequests.create.mutate({
      ...meta('Asked at scrutiny'), programmeId, onsCode: ONS, requester: { kind: 'committee', name: 'Children’s scrutiny panel' },
      subject: 'Social worker churn by team', dueOn: '2027-01-15',
    });
    ids.request = created.data.id;
    expect(created.data).toMatchObject({ kind: 'information_request', phase: 'open', dueOn: '2027-01-15', title: 'Information request: Social worker churn by team' });
    expect((await pm.informationRequests.getList.query({ filter: { programmeId, open: true } })).data.map((r) => r.id)).toEqual([ids.request]);

    const today = londonDateOf(Date.now());
    const answered = await pm.informationRequests.answer.mutate({ ...meta('Sent to the panel'), requestId: ids.request, answeredOn: today, summary: 'Churn table by team sent' });
    expect(answered.data).toMatchObject({ phase: 'answered', answer: { answeredOn: today, onTime: true }, dueOn: null });
    await workflowClosed(ids.request);
    expect(await refusal(pm.informationRequests.withdraw.mutate({ ...meta(), requestId: ids.request }))).toEqual({
      code: 'PRECONDITION_FAILED', message: 'This information request is closed (answered or withdrawn)',
    });
  });

  it('an intervention is started once and its DfE steps recorded; an impossible step is refused with the reason', async () => {
    const start = { ...meta('DfE letter received'), programmeId, onsCode: ONS };
    const started = await pm.interventions.start.mutate(start);
    expect((await pm.interventions.start.mutate(start)).data.id).toBe(started.data.id);
    ids.intervention = started.data.id;
    const today = londonDateOf(Date.now());
    const step = await pm.interventions.recordStep.mutate({
      ...meta('Notice issued'), interventionId: ids.intervention, step: { type: 'improvement_notice_issued', on: today, adviserName: 'A. Adviser' },
    });
    expect(step.data).toMatchObject({ phase: 'improvement_notice', notice: { adviserName: 'A. Adviser' } });
    expect(step.data.clocks.some((c) => c.status === 'running')).toBe(true);
    const refused = await refusal(pm.interventions.recordStep.mutate({ ...meta(), interventionId: ids.intervention, step: { type: 'adm_went_live', on: today } }));
    expect(refused.code).toBe('PRECONDITION_FAILED');
  });

  it('a monitoring visit scheduled by the programme is read and driven through monitoringVisits', async () => {
    const today = londonDateOf(Date.now());
    await pm.programmes.recordInspection.mutate({ ...meta('Ofsted report received'), programmeId, inspection: {
      type: 'standard', fieldworkStartedOn: '2025-09-29', fieldworkEndedOn: '2025-10-10', reportReceivedOn: '2025-11-03',
      judgements: { overallEffectiveness: 'inadequate', helpAndProtection: 'inadequate' } } });
    await pm.programmes.submitPlan.mutate({ ...meta(), programmeId, submittedOn: '2026-02-10', approvals: [{ body: 'dcs', on: '2026-01-20', by: 'Alex Example' }] });
    await pm.programmes.recordPlanResponse.mutate({ ...meta(), programmeId, outcome: 'accepted', letterOn: '2026-03-05' });
    await pm.programmes.scheduleMonitoringVisit.mutate({ ...meta('Ofsted notified the council'), programmeId, number: 1, theme: 'Children in care', plannedStartOn: today });
    // The page and its total are two queries; wait for the row itself, not only its count.
    const visits = await vi.waitFor(async () => {
      const l = await pm.monitoringVisits.getList.query({ filter: { programmeId } });
      expect([l.total, l.data.length]).toEqual([1, 1]);
      return l;
    }, { timeout: 15_000, interval: 200 });
    ids.visit = visits.data[0]!.id;
    expect(visits.data[0]).toMatchObject({ number: 1, theme: 'Children in care', phase: 'scheduled' });
    const fieldwork = await pm.monitoringVisits.recordFieldwork.mutate({ ...meta('Two HMI on site'), programmeId, number: 1, startedOn: today, endedOn: today, inspectors: ['HMI A', 'HMI B'] });
    expect(fieldwork.data).toMatchObject({ id: ids.visit, phase: 'fieldwork', fieldwork: { inspectors: ['HMI A', 'HMI B'] } });
  });

  it('rebuilds deleted projection rows from Temporal: projections.rebuild (admin only) and the CLI, idempotently', async () => {
    const before = {
      actions: await rig.prisma.action.findMany({ where: { programmeId }, orderBy: { id: 'asc' } }),
      records: await rig.prisma.lifecycleRecord.findMany({ where: { onsCode: ONS }, orderBy: { id: 'asc' } }),
      programme: await rig.prisma.programme.findUniqueOrThrow({ where: { id: programmeId } }),
    };
    expect(before.records.map((r) => r.kind).sort()).toEqual(['information_request', 'intervention', 'monitoring_visit']);
    await rig.prisma.action.deleteMany({ where: { programmeId } });
    await rig.prisma.lifecycleRecord.deleteMany({ where: { onsCode: ONS } });
    await rig.prisma.programme.delete({ where: { id: programmeId } });

    expect((await refusal(pm.projections.rebuild.mutate({ clientRequestId: randomUUID() }))).code).toBe('FORBIDDEN');
    // Visibility is eventually consistent: every workflow of this run is listed within moments.
    // A fresh request id each time: the same id would answer with the first run's result.
    const result = await vi.waitFor(async () => {
      const r = await admin.projections.rebuild.mutate({ clientRequestId: randomUUID() });
      expect(r.scanned).toBeGreaterThanOrEqual(6);
      return r;
    }, { timeout: 15_000, interval: 200 });
    expect(result).toMatchObject({ scanned: 6, projected: 6, failed: 0 });

    const cols = <T extends { stateVersion: number }>(rows: T[], keys: (keyof T)[]) => rows.map((r) => keys.map((k) => r[k]));
    const actions = await rig.prisma.action.findMany({ where: { programmeId }, orderBy: { id: 'asc' } });
    expect(cols(actions, ['id', 'title', 'dueOn', 'status', 'rag', 'percentComplete', 'stateVersion'])).toEqual(
      cols(before.actions, ['id', 'title', 'dueOn', 'status', 'rag', 'percentComplete', 'stateVersion']));
    const records = await rig.prisma.lifecycleRecord.findMany({ where: { onsCode: ONS }, orderBy: { id: 'asc' } });
    expect(cols(records, ['id', 'kind', 'programmeId', 'title', 'phase', 'dueOn', 'stateVersion'])).toEqual(
      cols(before.records, ['id', 'kind', 'programmeId', 'title', 'phase', 'dueOn', 'stateVersion']));
    const programme = await rig.prisma.programme.findUniqueOrThrow({ where: { id: programmeId } });
    // (The programme's own clocks may have moved it on meanwhile: a rebuild never goes backwards.)
    expect(programme.phase).toBe(before.programme.phase);
    expect(programme.stateVersion).toBeGreaterThanOrEqual(before.programme.stateVersion);
    expect((await pm.actions.getOne.query({ id: ids.front })).data).toMatchObject({ dueOn: '2027-09-30', percentComplete: 60 });

    // The CLI, against the same database and task queue: nothing left to change, nothing fails.
    await rig.prisma.lifecycleRecord.delete({ where: { id: ids.request } });
    const cli = fileURLToPath(new URL('./rebuild-projections.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
    const { stdout } = await promisify(execFile)(tsx, [cli, '--task-queue', rig.taskQueue], {
      env: { ...process.env, DATABASE_URL: rig.databaseUrl, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233', TEMPORAL_NAMESPACE: rig.namespace },
    });
    expect(JSON.parse(stdout)).toMatchObject({ scanned: 6, projected: 6, failed: 0 });
    const request = await rig.prisma.lifecycleRecord.findUniqueOrThrow({ where: { id: ids.request } });
    expect([request.phase, request.stateVersion]).toEqual(['answered', before.records.find((r) => r.id === ids.request)!.stateVersion]);
    expect(await rig.prisma.action.findMany({ where: { programmeId }, orderBy: { id: 'asc' } })).toEqual(actions);
  });
});
