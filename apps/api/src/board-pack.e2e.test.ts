/**
 * Board packs and the two questions an auditor asks ("recorded by" / "had happened by"), end to end on
 * real services (Temporal dev server, a real worker, PostgreSQL): Northmoor as the demo enters it
 * today — report received 3 November 2025, plan submitted 10 February 2026 and accepted 3 March 2026,
 * actions across its workstreams (some overdue, one signed off, one awaiting sign-off), an
 * information request, the registers the demo seeds and an acknowledged escalation.
 *
 * - The pack "as at now" has the dashboard's figures: the dashboard's are counted here from the very
 *   list reads the dashboard makes (programmes.getOne, actions/workstreams/kpis/risks/escalations
 *   getList, pinned to the same instant) by the same domain function the console uses; the pack's
 *   are rebuilt from every workflow's history. Before this change the pack was built from one
 *   programme event, left out actions started after it and counted RAG by workstream key only.
 * - The same instant gives the same bytes; "now" is fixed and returned so it can be asked again.
 * - audit.diff / audit.asAt / the pack on the "happened" basis show the plan submitted and accepted
 *   between 1 December 2025 and 31 March 2026; on the "recorded" basis nothing was recorded then.
 */
import { createHash, randomUUID } from 'node:crypto';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appRouter, createCallerFactory, createContextInner } from '@ip/api';
import { DEMO_PASSWORD, NORTHMOOR_PROGRAMME_ID } from '@ip/db/seed';
import { boardFigures } from '@ip/domain';
import { startRig, type Rig } from './testing.js';

let rig: Rig;
const programmeId = NORTHMOOR_PROGRAMME_ID;
const meta = (reason: string) => ({ clientRequestId: randomUUID(), reason });
type Client = ReturnType<Rig['client']>['trpc'];
let pm: Client;
let auditor: Client;

async function signIn(email: string): Promise<Client> {
  const c = rig.client();
  await c.trpc.auth.login.mutate({ email, password: DEMO_PASSWORD });
  return c.trpc;
}

/** A caller whose clock is pinned, as the dashboard's reads would be at that instant. */
async function callerAt(now: number) {
  const user = await rig.prisma.user.findFirstOrThrow({ where: { role: 'auditor' } });
  return createCallerFactory(appRouter)(createContextInner({ prisma: rig.prisma, temporal: rig.temporal, taskQueue: rig.taskQueue, now: () => now }, { user: { id: user.id, email: user.email, name: user.name, role: 'auditor' } }));
}

/** The dashboard's figures: its reads (Dashboard.tsx), counted by the domain's boardFigures as the console counts them. */
async function dashboardFigures(now: number) {
  const c = await callerAt(now);
  const all = { pagination: { page: 1, perPage: 500 } };
  const filter = { programmeId };
  const programme = (await c.programmes.getOne({ id: programmeId })).data;
  const [actions, workstreams, kpis, risks, escalations] = await Promise.all([
    c.actions.getList({ ...all, filter, sort: { field: 'dueOn', order: 'ASC' } }),
    c.workstreams.getList({ ...all, filter, sort: { field: 'priorityNumber', order: 'ASC' } }),
    c.kpis.getList({ ...all, filter, sort: { field: 'name', order: 'ASC' } }),
    c.risks.getList({ ...all, filter, sort: { field: 'score', order: 'DESC' } }),
    c.escalations.getList({ pagination: { page: 1, perPage: 8 }, filter: { programmeId, acknowledged: false }, sort: { field: 'firedAt', order: 'DESC' } }),
  ]);
  return boardFigures({
    actions: actions.data,
    workstreams: workstreams.data,
    clocks: programme.clocks,
    kpis: kpis.data,
    risks: risks.data.map((r) => ({ rag: r.rag, escalate: r.escalation.escalate })),
    openEscalations: escalations.total,
  });
}

async function textOf(base64: string): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.from(base64, 'base64')) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

beforeAll(async () => {
  rig = await startRig();
  pm = await signIn('pm@northmoor.gov.uk');
  auditor = await signIn('auditor@northmoor.gov.uk');
  const admin = await signIn('admin@northmoor.gov.uk');
  expect((await pm.programmes.create.mutate({ onsCode: 'E09000099', ...meta('Northmoor judged inadequate') })).data.id).toBe(programmeId);
  await pm.programmes.recordInspection.mutate({
    programmeId, ...meta('Ofsted report received'),
    inspection: { type: 'standard', fieldworkStartedOn: '2025-09-29', fieldworkEndedOn: '2025-10-10', reportReceivedOn: '2025-11-03', judgements: { overallEffectiveness: 'inadequate' } },
  });
  await pm.programmes.publishReport.mutate({ programmeId, ...meta('Published'), publishedOn: '2025-11-20' });
  await pm.programmes.completeMilestone.mutate({ programmeId, ...meta('Internal draft'), milestone: 'draftPlan', completedOn: '2025-12-01' });
  await pm.programmes.completeMilestone.mutate({ programmeId, ...meta('Scrutiny, a week late'), milestone: 'scrutiny', completedOn: '2026-01-06' });
  await pm.programmes.submitPlan.mutate({
    programmeId, ...meta('Plan submitted'), submittedOn: '2026-02-10',
    approvals: [{ body: 'dcs', on: '2026-02-05', by: 'Director of Children’s Services' }, { body: 'cabinet', on: '2026-01-22', by: 'Cabinet' }],
  });
  await pm.programmes.recordPlanResponse.mutate({ programmeId, ...meta("Ofsted's letter"), outcome: 'accepted', letterOn: '2026-03-03', comments: 'Accepted.' });
  const action = async (workstream: string, title: string, dueOn: string) =>
    (await pm.actions.create.mutate({ ...meta('In the plan'), programmeId, title, workstream, owner: { name: 'Helen Okafor' }, dueOn, ofstedLinked: false, recommendationRefs: [] })).data.id;
  const done = await action('front-door', 'Management oversight on every contact', '2026-04-30');
  await pm.actions.updateProgress.mutate({ actionId: done, ...meta('Done'), percentComplete: 100, note: 'Oversight rota in place', ragAssessment: 'green' });
  await pm.actions.attachEvidence.mutate({ actionId: done, ...meta('Evidence'), title: 'Front-door audit', reference: 'FD-1' });
  await pm.actions.requestSignOff.mutate({ actionId: done, ...meta('Done') });
  await admin.actions.signOff.mutate({ actionId: done, ...meta('Accepted by the board'), outcome: 'signed_off' });
  const waiting = await action('workforce', 'Launch the ASYE academy', '2026-09-01');
  await pm.actions.updateProgress.mutate({ actionId: waiting, ...meta('Done'), percentComplete: 100, note: 'Cohort started' });
  await pm.actions.attachEvidence.mutate({ actionId: waiting, ...meta('Evidence'), title: 'Cohort list', reference: 'HR-1' });
  await pm.actions.requestSignOff.mutate({ actionId: waiting, ...meta('Done') });
  const red = await action('help-and-protection', 'Re-audit child protection assessments', '2026-07-31');
  await pm.actions.updateProgress.mutate({ actionId: red, ...meta('Behind'), percentComplete: 35, note: '12 of 60 audits', ragAssessment: 'red' });
  await action('missing-and-exploitation', 'Return home interviews within 72 hours', '2026-06-30');
  await action('care-leavers', 'Pathway plans for every care leaver', '2030-01-31');
  await action('not-a-workstream', 'An action outside the register', '2030-03-29');
  await pm.informationRequests.create.mutate({
    onsCode: 'E09000099', programmeId, ...meta('Asked at scrutiny'), requester: { kind: 'committee', name: 'Scrutiny Committee' },
    subject: 'Explain the rise in re-referrals', requestedOn: '2026-03-10', dueOn: '2026-04-15',
  });
  // Every workflow has done what it can (escalations, projections): nothing in flight.
  await vi.waitFor(async () => expect(await rig.busyWorkflows()).toEqual([]), { timeout: 90_000, interval: 500 });
  const first = await rig.prisma.escalation.findFirstOrThrow({ where: { programmeId }, orderBy: { id: 'asc' } });
  await pm.escalations.acknowledge.mutate({ escalationId: first.id, ...meta('Seen by the programme manager') });
  await vi.waitFor(async () => expect(await rig.busyWorkflows()).toEqual([]), { timeout: 90_000, interval: 500 });
}, 300_000);
afterAll(async () => {
  await rig?.close();
});

describe('the board pack as at now has the dashboard’s figures', () => {
  it('counts as the dashboard counts, from every workflow, and the same instant gives the same bytes', async () => {
    const pack = await auditor.boardPack.generate.query({ programmeId });
    const dashboard = await dashboardFigures(pack.at);
    expect(pack.figures).toEqual(dashboard);
    // Not vacuous: every figure the issue named is there, and each is something.
    expect(pack.figures.actionsByWorkstream.reduce((n, w) => n + w.total, 0)).toBe(6);
    expect(pack.figures.overdueActions).toBe(2); // missing-and-exploitation (June) and the red one (July)
    expect(pack.figures.actionsByWorkstream.find((w) => w.key === 'help-and-protection')?.counts.red).toBe(1);
    expect(pack.figures.actionsByWorkstream.at(-1)?.name).toBe('Not in a workstream');
    expect(pack.figures.openEscalations).toBeGreaterThan(0);
    expect(pack.figures.kpis.red + pack.figures.kpis.amber + pack.figures.kpis.green).toBeGreaterThan(0);
    expect(pack.basis).toBe('recorded');

    const again = await auditor.boardPack.generate.query({ programmeId, at: pack.at });
    expect(again.sha256).toBe(pack.sha256);
    expect(createHash('sha256').update(Buffer.from(again.base64, 'base64')).digest('hex')).toBe(pack.sha256);
    const text = await textOf(pack.base64);
    expect(text).toContain('What had been recorded by then');
    expect(text).toContain(`Open escalations (not acknowledged) ${dashboard.openEscalations}`);
    expect(text).toContain(`Actions overdue ${dashboard.overdueActions} of 6`);
    expect(text).toContain('Explain the rise in re-referrals');
  }, 120_000);

  it('still builds as at a programme history event, and names the field it cannot use', async () => {
    const events = (await auditor.boardPack.events.query({ programmeId })).data;
    const accepted = events.find((e) => /accepted/i.test(e.summary))!;
    const pack = await auditor.boardPack.generate.query({ programmeId, runId: accepted.runId, eventId: accepted.eventId });
    expect(pack.at).toBe(accepted.at);
    await expect(auditor.boardPack.generate.query({ programmeId, at: 5, eventId: 3 })).rejects.toThrow(/at/);
    await expect(auditor.boardPack.generate.query({ programmeId, at: '2025-06-01' })).rejects.toThrow(/not been recorded by then/);
  }, 60_000);
});

describe('recorded by a date, and happened by a date', () => {
  it('diff: the plan submitted and accepted between 1 December 2025 and 31 March 2026 happened then, and nothing was recorded then', async () => {
    const window = { kind: 'programme' as const, workflowId: programmeId, from: '2025-12-01', to: '2026-03-31' };
    const recorded = (await auditor.audit.diff.query({ ...window, basis: 'recorded' })).data;
    expect(recorded.changes).toEqual([]);
    expect(recorded.events).toEqual([]);
    const happened = (await auditor.audit.diff.query({ ...window, basis: 'happened' })).data;
    const words = happened.changes.map((c) => c.words);
    expect(words).toEqual(expect.arrayContaining([expect.stringMatching(/Action plan submitted: none → 10 February 2026/), expect.stringMatching(/Ofsted response to the plan: none → accepted/)]));
    const lines = happened.events.map((e) => e.summary);
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/Action plan submitted on 10 February 2026/), expect.stringMatching(/Ofsted accepted the action plan/)]));
    // Each line says when it happened and when it was recorded (today).
    const submitted = happened.events.find((e) => /Action plan submitted/.test(e.summary))!;
    expect(new Date(submitted.at).toISOString().slice(0, 10)).toBe('2026-02-10');
    expect(submitted.dated).toBe(true);
    expect(submitted.recordedAt).toBeGreaterThan(Date.parse('2026-12-01'));
    // The actions were entered today and carry no dates of their own: they had not happened by March.
    expect(happened.changes.some((c) => c.field === 'action')).toBe(false);
  }, 60_000);

  it('asAt: the state as it had happened by a date, against what had been recorded by then', async () => {
    const at = (date: string, basis: 'recorded' | 'happened') => auditor.audit.asAt.query({ kind: 'programme', workflowId: programmeId, at: date, basis }).then((r) => r.data);
    expect((await at('2026-01-31', 'recorded')).existed).toBe(false);
    const january = await at('2026-01-31', 'happened');
    expect(january.existed).toBe(true);
    expect((january.view as { planSubmittedOn: string | null }).planSubmittedOn).toBeNull();
    const march = await at('2026-03-31', 'happened');
    expect(march.view).toMatchObject({ planSubmittedOn: '2026-02-10', planResponse: { outcome: 'accepted' } });
    expect(march.basis).toBe('happened');
    // The slider steps through the changes by the dates they happened.
    expect(march.timeline.map((t) => new Date(t.at).toISOString().slice(0, 10))).toEqual(expect.arrayContaining(['2025-11-03', '2026-02-10']));
    await expect(auditor.audit.asAt.query({ kind: 'programme', workflowId: programmeId, eventId: 3, basis: 'happened' })).rejects.toThrow(/eventId/);
  }, 60_000);

  it('the board pack on the happened basis, as at 31 March 2026', async () => {
    const pack = await auditor.boardPack.generate.query({ programmeId, at: '2026-03-31', basis: 'happened' });
    expect(pack.basis).toBe('happened');
    const text = await textOf(pack.base64);
    expect(text).toContain('What had happened by then');
    expect(text).toMatch(/As at 31 March 2026/);
    expect(text).toContain('Phase: Monitoring.');
    expect(text).toContain('No actions yet.');
    expect(text).toContain('Explain the rise in re-referrals'); // requested 10 March 2026
    expect(pack.fileName).toMatch(/-happened-20260331T2259/);
  }, 60_000);
});
