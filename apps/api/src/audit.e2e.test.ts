/**
 * audit.* end to end over HTTP on real services (Temporal dev server, a real worker, PostgreSQL):
 * a programme manager runs a programme and an action; the auditor reads the history in business
 * words with filters and paging, exports CSV and replayable JSON (replayed here against the current
 * workflow code), rebuilds the state "as at" an instant and an event, and diffs two instants.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { TRPCClientError } from '@trpc/client';
import { Worker } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '@ip/api';
import { DEMO_PASSWORD } from '@ip/db/seed';
import { londonDateOf } from '@ip/domain';
import { workflowsPath } from '@ip/workflows';
import { startRig, type Rig } from './testing.js';

let rig: Rig;
const ONS = `W${String(randomInt(10_000_000, 99_999_999))}`;
let programmeId = '';
let actionId = '';
let beforeInspection = 0;
let pm: Awaited<ReturnType<typeof signIn>>;
let auditor: Awaited<ReturnType<typeof signIn>>;

async function signIn(email: string) {
  const c = rig.client();
  await c.trpc.auth.login.mutate({ email, password: DEMO_PASSWORD });
  return c.trpc;
}
async function refusal(call: Promise<unknown>) {
  const err = await call.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(TRPCClientError);
  const e = err as TRPCClientError<AppRouter>;
  return { code: e.data?.code, message: e.message };
}

beforeAll(async () => {
  rig = await startRig();
  await rig.prisma.localAuthority.create({ data: { onsCode: ONS, name: 'Auditmoor Borough Council' } });
  pm = await signIn('pm@northmoor.gov.uk');
  auditor = await signIn('auditor@northmoor.gov.uk');
  programmeId = (await pm.programmes.create.mutate({ onsCode: ONS, clientRequestId: randomUUID(), reason: 'Judged inadequate' })).data.id;
  await new Promise((r) => setTimeout(r, 50));
  beforeInspection = Date.now();
  await new Promise((r) => setTimeout(r, 50));
  const today = londonDateOf(Date.now());
  await pm.programmes.recordInspection.mutate({ programmeId, clientRequestId: randomUUID(), reason: 'Ofsted report received',
    inspection: { type: 'standard', fieldworkStartedOn: today, fieldworkEndedOn: today, reportReceivedOn: today, judgements: { overallEffectiveness: 'inadequate' } } });
  actionId = (await pm.actions.create.mutate({ clientRequestId: randomUUID(), reason: 'From the ILACS recommendations', programmeId, title: 'Audit the front door',
    owner: { name: 'Jo Bloggs' }, dueOn: '2030-06-28', ofstedLinked: true })).data.id;
  await pm.actions.updateProgress.mutate({ actionId, clientRequestId: randomUUID(), reason: 'Monthly update', percentComplete: 40, note: 'Sampling done' });
}, 180_000);
afterAll(async () => {
  await rig?.close();
});

describe('audit over HTTP (auditor)', () => {
  it('lists the programme and its action in business words, with who and why, filters and paging', async () => {
    const all = await auditor.audit.history.query({ programmeId });
    const whats = all.data.map((r) => r.what);
    expect(whats).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Programme started for Auditmoor/), expect.stringMatching(/^Inspection recorded: Inadequate/),
      expect.stringMatching(/^Action created: “Audit the front door”/), expect.stringMatching(/^Progress: 40% complete/)]));
    const inspection = all.data.find((r) => r.what.startsWith('Inspection recorded'))!;
    expect(inspection).toMatchObject({ category: 'person', why: 'Ofsted report received', workflowKind: 'programme', eventType: 'workflowExecutionUpdateAccepted' });
    expect(inspection.who).toMatch(/\(programme manager\)$/);
    expect(inspection.when).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}$/);
    expect((inspection.raw as { eventType: string }).eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED');
    expect(all.workflows.map((w) => w.kind).sort()).toEqual(['action', 'programme']);

    const actionsOnly = await auditor.audit.history.query({ programmeId, filter: { kind: 'action' } });
    expect(actionsOnly.data.length).toBeGreaterThan(0);
    expect(actionsOnly.data.every((r) => r.workflowId === actionId)).toBe(true);
    const withSystem = await auditor.audit.history.query({ programmeId, filter: { includeSystem: true }, pagination: { page: 1, perPage: 5 } });
    expect(withSystem.total).toBeGreaterThan(all.total);
    expect(withSystem.data).toHaveLength(5);
    const byActor = await auditor.audit.history.query({ programmeId, filter: { actor: inspection.actor!.userId } });
    expect(byActor.total).toBeGreaterThan(0);
    expect(byActor.data.every((r) => r.actor?.userId === inspection.actor!.userId)).toBe(true);
    const future = await auditor.audit.history.query({ programmeId, filter: { from: '2099-01-01' } });
    expect(future.total).toBe(0);
  });

  it('exports CSV of the rows and raw JSON that Worker.runReplayHistory replays against the current code', async () => {
    const csv = await auditor.audit.exportCsv.query({ programmeId });
    const lines = csv.csv.trim().split('\r\n');
    expect(lines[0]).toBe('When (Europe/London),Instant (UTC),Workflow,Kind,Run,Event id,Category,Who,User id,Role,What,Why,Temporal event');
    expect(lines).toHaveLength(csv.rows + 1);
    expect(csv.csv).toContain('Ofsted report received');
    for (const id of [programmeId, actionId]) {
      const { files } = await auditor.audit.exportJson.query({ workflowId: id });
      expect(files).toHaveLength(1);
      await expect(Worker.runReplayHistory({ workflowsPath }, historyFromJSON(JSON.parse(files[0]!.json)), id)).resolves.toBeUndefined();
    }
  }, 120_000);

  it('rebuilds the programme "as at" an instant and an event, and the action as at now', async () => {
    type PView = { phase: string; version: number; clocks: Array<{ name: string }> } | null;
    const view = (r: { data: { view: unknown } }) => r.data.view as PView;
    const before = await auditor.audit.asAt.query({ kind: 'programme', workflowId: programmeId, at: beforeInspection });
    expect(view(before)?.phase).toBe('awaiting_inspection');
    const now = await auditor.audit.asAt.query({ kind: 'programme', workflowId: programmeId, at: Date.now() });
    expect(view(now)?.phase).toBe('action_planning');
    expect(view(now)?.clocks.find((c) => c.name === 'actionPlan')).toBeDefined();
    const live = await rig.temporal.workflow.getHandle(programmeId).query<{ version: number; phase: string }>('programmeState');
    expect(now.data.view).toMatchObject({ version: live.version, phase: live.phase });
    const firstEvent = await auditor.audit.asAt.query({ kind: 'programme', workflowId: programmeId, eventId: 1 });
    expect(view(firstEvent)?.phase).toBe('awaiting_inspection');
    expect(now.data.timeline.map((t) => t.type)).toEqual(expect.arrayContaining(['programme_started', 'inspection_recorded']));
    const action = await auditor.audit.asAt.query({ kind: 'action', workflowId: actionId, at: new Date().toISOString() });
    expect(action.data.view).toMatchObject({ percentComplete: 40, status: 'open' });
  });

  it('diffs two instants in business words', async () => {
    const d = await auditor.audit.diff.query({ kind: 'programme', workflowId: programmeId, from: beforeInspection, to: Date.now() });
    expect(d.data.changes.map((c) => c.words)).toEqual(expect.arrayContaining(['Phase: Awaiting inspection → Action planning', 'Judgement: none → Inadequate']));
    expect(d.data.changes.some((c) => c.subject === 'Audit the front door' && c.words.startsWith('New action'))).toBe(true);
    expect(d.data.events.some((e) => e.summary.startsWith('Inspection recorded'))).toBe(true);
  });

  it('names the field on bad input and refuses the wrong kind', async () => {
    expect(await refusal(auditor.audit.asAt.query({ kind: 'programme', workflowId: programmeId } as never))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('at:') });
    expect(await refusal(auditor.audit.asAt.query({ kind: 'action', workflowId: programmeId, at: Date.now() }))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('workflowId:') });
    expect(await refusal(auditor.audit.diff.query({ kind: 'programme', workflowId: programmeId, from: '2026-06-01', to: '2026-03-01' }))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('to:') });
    expect(await refusal(auditor.audit.history.query({ programmeId: 'programme-nope-1' }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
