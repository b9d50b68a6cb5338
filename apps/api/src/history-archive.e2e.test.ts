/**
 * End to end on real services (Temporal dev server, a real worker, fresh PostgreSQL, HTTP): closed
 * histories are archived by the admin command, idempotently; once Temporal has deleted a workflow
 * its history still answers from the archive; "verify all histories" replays everything, passes on
 * clean histories and lists the ones recorded by different workflow code or changed after archiving.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { historySha256, parseArchivedHistory, verifyAllHistories } from '@ip/activities';
import { appRouter, ArchiveBackedHistorySource, createCallerFactory, createContextInner, type HistoryVerificationJob } from '@ip/api';
import { DEMO_PASSWORD } from '@ip/db/seed';
import { startRig, type Rig } from './testing.js';

let rig: Rig;
let admin: ReturnType<Rig['client']>['trpc'];
let auditor: ReturnType<Rig['client']>['trpc'];
const programmeId = `programme-archive-${randomUUID().slice(0, 8)}`;
const kpiRunIds: string[] = [];

async function signIn(email: string) {
  const c = rig.client();
  await c.trpc.auth.login.mutate({ email, password: DEMO_PASSWORD });
  return c.trpc;
}

/**
 * Runs "verify all" through the API as an auditor: the `run` mutation starts it, the `follow`
 * subscription streams it (server-side caller: Node 20 has no EventSource; the console's browser
 * test drives it over SSE). Resolves with every job snapshot.
 */
async function verifyAll(): Promise<{ final: HistoryVerificationJob; seen: HistoryVerificationJob[] }> {
  const user = await rig.prisma.user.findFirstOrThrow({ where: { role: 'auditor' } });
  const caller = createCallerFactory(appRouter)(
    createContextInner({ prisma: rig.prisma, temporal: rig.temporal, taskQueue: rig.taskQueue }, { user: { id: user.id, email: user.email, name: user.name, role: 'auditor' } }),
  );
  const seen: HistoryVerificationJob[] = [];
  const { data: started } = await caller.historyVerification.run({ clientRequestId: `verify-${randomUUID()}` });
  const stream = await caller.historyVerification.follow({ id: started.id });
  for await (const job of stream as AsyncIterable<HistoryVerificationJob>) seen.push(job);
  const final = seen.at(-1);
  if (!final) throw new Error('no progress reported');
  return { final, seen };
}

beforeAll(async () => {
  rig = await startRig();
  admin = await signIn('admin@northmoor.gov.uk');
  auditor = await signIn('auditor@northmoor.gov.uk');
  // Two monthly KPI returns that ran and closed (no KPIs yet: each evaluates nothing and completes).
  for (let i = 0; i < 2; i++) {
    const handle = await rig.temporal.workflow.start('kpiReturnWorkflow', { workflowId: `kpi-return-archive-${i}-${programmeId}`, taskQueue: rig.taskQueue, args: [{ programmeId }] });
    await handle.result();
    kpiRunIds.push(handle.firstExecutionRunId);
  }
  // Visibility is eventually consistent: wait until both show as closed.
  await vi.waitFor(async () => {
    let closed = 0;
    for await (const wf of rig.temporal.workflow.list({ query: 'WorkflowType = "kpiReturnWorkflow" AND ExecutionStatus = "Completed"' })) closed += wf ? 1 : 0;
    expect(closed).toBeGreaterThanOrEqual(2);
  }, { timeout: 20_000, interval: 200 });
}, 180_000);
afterAll(async () => rig?.close());

describe('history archive', () => {
  it('archives every closed workflow once; a second run (and a retried command) archives nothing more', async () => {
    const requestId = randomUUID();
    const first = await admin.historyArchive.run.mutate({ clientRequestId: requestId, reason: 'Before the retention review' });
    expect(first.status).toBe('completed');
    expect(first.result?.archived).toBeGreaterThanOrEqual(2);
    const retried = await admin.historyArchive.run.mutate({ clientRequestId: requestId, reason: 'Before the retention review' });
    expect(retried.workflowId).toBe(first.workflowId);
    expect(retried.result).toEqual(first.result);
    const second = await admin.historyArchive.run.mutate({ clientRequestId: randomUUID(), reason: 'Again' });
    // At most the first archive run itself, closed since; nothing archived before is written again.
    expect(second.result?.archived).toBeLessThanOrEqual(1);
    expect(second.result?.alreadyArchived).toBeGreaterThanOrEqual(2);
    const rows = await rig.prisma.workflowHistoryArchive.findMany({ where: { workflowId: { startsWith: 'kpi-return-archive-' } } });
    expect(rows.map((r) => r.runId).sort()).toEqual([...kpiRunIds].sort());
    for (const row of rows) {
      expect(row.sha256).toBe(historySha256(row.history));
      expect(parseArchivedHistory(row).events?.length).toBe(row.eventCount);
    }
    const listed = await auditor.historyArchive.list.query({ workflowType: 'kpiReturnWorkflow' });
    expect(listed.total).toBe(2);
    const audit = await rig.prisma.auditEvent.findMany({ where: { entity: 'history_archive' } });
    expect(audit.map((a) => a.entityId).sort()).toEqual([first.workflowId, second.workflowId].sort());
  });

  it('answers a history from the archive once Temporal has deleted the workflow', async () => {
    const workflowId = `kpi-return-archive-0-${programmeId}`;
    const source = new ArchiveBackedHistorySource(rig.prisma, rig.temporal);
    const before = (await source.fetch(workflowId)).runs[0]!;
    expect(source.sources.get(kpiRunIds[0]!)).toBe('temporal');
    await rig.temporal.workflowService.deleteWorkflowExecution({ namespace: rig.namespace, workflowExecution: { workflowId, runId: kpiRunIds[0] } });
    // The server deletes asynchronously (a deletion task): wait until it no longer knows the workflow.
    await expect.poll(() => rig.temporal.workflow.getHandle(workflowId).describe().then(() => 'still there', () => 'gone'), { timeout: 90_000, interval: 300 }).toBe('gone');
    await expect(rig.temporal.workflow.getHandle(workflowId).describe()).rejects.toThrow();
    const after = (await source.fetch(workflowId)).runs[0]!;
    expect(source.sources.get(kpiRunIds[0]!)).toBe('archive');
    expect(after.runId).toBe(kpiRunIds[0]);
    expect(after.history.events?.map((e) => e.eventType)).toEqual(before.history.events?.map((e) => e.eventType));
    // The audit procedures read through the same source: the raw export still answers.
    const exported = await auditor.audit.exportJson.query({ workflowId });
    expect(JSON.stringify(exported)).toContain(kpiRunIds[0]);
  }, 150_000);

  it('refuses the admin command to auditors and programme managers', async () => {
    await expect(auditor.historyArchive.run.mutate({ clientRequestId: randomUUID(), reason: 'Try' })).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
  });
});

describe('verify all histories', () => {
  it('replays every stored history (archive and live) clean, reporting progress n of N', async () => {
    const { final, seen } = await verifyAll();
    expect(final.status).toBe('passed');
    expect(final.mismatches).toEqual([]);
    // The archive's 4 runs (2 returns, 2 archive runs) and the live ones Temporal still has.
    expect(final.total).toBeGreaterThanOrEqual(4);
    expect(final.done).toBe(final.total);
    expect(seen.every((j, i) => i === 0 || j.done >= seen[i - 1]!.done)).toBe(true);
  });

  it('lists a history recorded by different workflow code, and one changed after archiving', async () => {
    const source = await rig.prisma.workflowHistoryArchive.findFirstOrThrow({ where: { runId: kpiRunIds[1] } });
    // The same run's events, as if recorded by another workflow (another version of the code): the
    // history says "kpiReturnWorkflow scheduled evaluateKpiReturn"; the code now does something else.
    const json = JSON.parse(Buffer.from(source.history).toString('utf8'));
    json.events[0].workflowExecutionStartedEventAttributes.workflowType.name = 'historyArchiveWorkflow';
    const foreign = Buffer.from(JSON.stringify(json), 'utf8');
    await rig.prisma.workflowHistoryArchive.create({
      data: { ...source, id: undefined, workflowId: 'foreign-version', runId: randomUUID(), history: foreign, sha256: historySha256(foreign) },
    });
    // And bytes changed after archiving, sha256 left as it was.
    const tampered = Buffer.concat([Buffer.from(source.history), Buffer.from(' ')]);
    await rig.prisma.workflowHistoryArchive.create({
      data: { ...source, id: undefined, workflowId: 'tampered', runId: randomUUID(), history: tampered, sha256: source.sha256 },
    });
    const { final } = await verifyAll().finally(() =>
      rig.prisma.workflowHistoryArchive.deleteMany({ where: { workflowId: { in: ['foreign-version', 'tampered'] } } }),
    );
    expect(final.status).toBe('failed');
    expect(final.mismatches.map((m) => m.workflowId).sort()).toEqual(['foreign-version', 'tampered']);
    expect(final.mismatches.find((m) => m.workflowId === 'foreign-version')?.error).toMatch(/Nondeterminism|Determinism|evaluateKpiReturn|archiveHistories/i);
    expect(final.mismatches.find((m) => m.workflowId === 'tampered')?.error).toMatch(/sha256/);
    expect(final.done).toBe(final.total);
  });

  it('finds a mismatch when the workflow code itself is changed (a deliberately changed kpiReturnWorkflow)', async () => {
    // Inside the package (ignored by git), so webpack resolves @temporalio/workflow from here.
    const dir = join(fileURLToPath(new URL('.', import.meta.url)), '..', '.reports', 'changed-workflow');
    await mkdir(dir, { recursive: true });
    const workflowsPath = join(dir, 'workflows.ts');
    // v2 "forgot" its activity options and sleeps first: the recorded history scheduled the activity at once.
    await writeFile(workflowsPath, [
      "import { proxyActivities, sleep } from '@temporalio/workflow';",
      "const { evaluateKpiReturn } = proxyActivities({ startToCloseTimeout: '1 minute' });",
      'export async function kpiReturnWorkflow(args) { await sleep(1000); return evaluateKpiReturn(args); }',
      '',
    ].join('\n'));
    const workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} } });
    const job = await rig.prisma.historyVerification.create({ data: { requestedBy: 'test', status: 'running' } });
    const mismatches = await verifyAllHistories(rig.prisma, rig.temporal, job.id, { workflowBundle, taskQueue: rig.taskQueue });
    const kpi = mismatches.filter((m) => m.workflowType === 'kpiReturnWorkflow');
    expect(kpi.map((m) => m.runId).sort()).toEqual([...kpiRunIds].sort());
    expect(kpi[0]?.error).toMatch(/Nondeterminism|Determinism/i);
    const row = await rig.prisma.historyVerification.findUniqueOrThrow({ where: { id: job.id } });
    expect(row.status).toBe('failed');
    expect(row.done).toBe(row.total);
  });
});
