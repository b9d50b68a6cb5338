/**
 * `pnpm test:cluster`: the production topology for real. The Temporal server on PostgreSQL split
 * into frontend, history, matching and worker processes; two workers and two APIs from the built
 * output, started as the images start them. The end-to-end key paths through both APIs, then fault
 * scenarios on the running cluster: kill -9 the history service mid-burst, kill -9 one of the two
 * workers, restart PostgreSQL under everything, take the frontend away. Every escalation exactly
 * once, nothing lost, and SERVICE_UNAVAILABLE (never a 500) while something is down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killed, until } from '@ip/faults/processes';
import { API_ROLE, codeOf, startCluster, type Cluster, type Trpc } from './cluster.js';
import { changesOf, connectConsoles, deliveredToAll, statementsByRole, statementsPerSecond } from './consoles.js';
import { CLUSTER_PROGRAMMES, IDLE_CONSOLES } from './env.js';
import { burst, controlProgramme, expectExactlyOnce, firstEscalations, freshAuthorities, retried, startProgramme } from './escalations.js';
import { subscribe } from './sse.js';
import { sessionCookie } from './cluster.js';

let c: Cluster;
let pm: Trpc[];
let auditor: Trpc;
let perProgramme = 0;
const timings: { scenario: string; ms: number }[] = [];
const started = Date.now();
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
const meta = (reason = 'Recorded at the programme board') => ({ clientRequestId: `req-${crypto.randomUUID()}`, reason });

beforeAll(async () => {
  const step = (what: string) => console.log(`cluster: ${what} at ${((Date.now() - started) / 1000).toFixed(1)} s`);
  c = await startCluster({ workers: 2, apis: 2, step });
  pm = [await c.signIn(0), await c.signIn(1)];
  auditor = await c.signIn(1, 'auditor@northmoor.gov.uk');
  perProgramme = (await controlProgramme(c.prisma, c.temporal, pm[0]!)).perProgramme;
  step(`control programme: ${perProgramme} escalations`);
});

afterAll(async () => {
  await c?.close();
  console.log([
    `cluster suite: ${timings.length} scenarios in ${((Date.now() - started) / 1000).toFixed(1)} s (rig included)`,
    ...timings.map((t) => `  ${t.scenario}: ${(t.ms / 1000).toFixed(1)} s`),
    `processes killed or stopped: ${killed.length}`,
    ...killed.map((k) => `  ${k.what} (pid ${k.pid}) by ${k.signal}`),
    `escalations per back-dated programme: ${perProgramme}`,
  ].join('\n'));
});

async function timed(scenario: string, body: () => Promise<void>): Promise<void> {
  const t0 = Date.now();
  try {
    await body();
  } finally {
    timings.push({ scenario, ms: Date.now() - t0 });
  }
}

async function eventually<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  let last: T | undefined;
  await until(what, async () => ok((last = await fn())), ms, 200);
  return last!;
}

describe('key paths on the split cluster (2 workers, 2 APIs)', () => {
  let programmeId = '';

  it('programme start → inspection → plan → visit, each step through either API', () =>
    timed('key path', async () => {
      const [ons] = await freshAuthorities(c.prisma, 1);
      programmeId = await startProgramme(pm[0]!, ons!);
      await pm[1]!.programmes.recordInspection.mutate({ ...meta('Ofsted report received'), programmeId, inspection: {
        type: 'standard', fieldworkStartedOn: today(), fieldworkEndedOn: today(), reportReceivedOn: today(),
        judgements: { overallEffectiveness: 'inadequate', helpAndProtection: 'inadequate' } } });
      await pm[0]!.programmes.submitPlan.mutate({ ...meta(), programmeId, submittedOn: today(), approvals: [{ body: 'dcs', on: today(), by: 'Alex Example' }] });
      await pm[1]!.programmes.recordPlanResponse.mutate({ ...meta(), programmeId, outcome: 'accepted', letterOn: today() });
      await pm[0]!.programmes.scheduleMonitoringVisit.mutate({ ...meta('Ofsted notified the council'), programmeId, number: 1, theme: 'Children in care', plannedStartOn: today() });
      const visits = await eventually('the visit projected', () => pm[1]!.monitoringVisits.getList.query({ filter: { programmeId } }), (l) => l.total === 1 && l.data.length === 1);
      expect(visits.data[0]).toMatchObject({ number: 1, theme: 'Children in care', phase: 'scheduled' });
      const fieldwork = await pm[1]!.monitoringVisits.recordFieldwork.mutate({ ...meta('Two HMI on site'), programmeId, number: 1, startedOn: today(), endedOn: today(), inspectors: ['HMI A', 'HMI B'] });
      expect(fieldwork.data).toMatchObject({ phase: 'fieldwork' });
      const programme = await eventually('the programme projected', () => pm[0]!.programmes.getOne.query({ id: programmeId }), (p) => p.data.phase === 'monitoring');
      expect(programme.data.phase).toBe('monitoring');
    }));

  it('audit "as at" rebuilds the programme from its history, agreeing with the read model', () =>
    timed('audit as at', async () => {
      const projected = (await auditor.programmes.getOne.query({ id: programmeId })).data;
      const now = await auditor.audit.asAt.query({ kind: 'programme', workflowId: programmeId, at: Date.now() });
      expect(now.data.view).toMatchObject({ phase: projected.phase, version: projected.stateVersion });
      const first = await auditor.audit.asAt.query({ kind: 'programme', workflowId: programmeId, eventId: 1 });
      expect((first.data.view as { phase: string }).phase).toBe('awaiting_inspection');
    }));

  it(`an escalation burst of ${CLUSTER_PROGRAMMES} programmes over both APIs: every escalation exactly once`, () =>
    timed('escalation burst', async () => {
      expect(perProgramme).toBeGreaterThan(0);
      const ids = await burst(c.prisma, pm, CLUSTER_PROGRAMMES);
      await expectExactlyOnce(c.prisma, c.temporal, pm[1]!, ids, perProgramme);
    }));

  it('verify all histories replays every history on the cluster against the built workflow bundle, clean', () =>
    timed('verify histories', async () => {
      // Started through one API (a command), followed through the other (a subscription).
      const { data: job } = await auditor.historyVerification.run.mutate({ clientRequestId: `verify-${crypto.randomUUID()}` });
      const stream = subscribe(c.apiUrls[0]!, 'historyVerification.follow', { id: job.id }, await sessionCookie(c.apiUrls[0]!, 'auditor@northmoor.gov.uk'));
      await stream.opened;
      await Promise.race([stream.ended, new Promise((r) => setTimeout(r, 300_000))]);
      stream.close();
      const jobs = stream.events.map((e) => e.data as { status?: string; done?: number; total?: number; mismatches?: unknown[] }).filter((j) => j?.status);
      const final = jobs.at(-1);
      expect(final, `verification events: ${JSON.stringify(stream.events.slice(-3))}`).toMatchObject({ status: 'passed', mismatches: [] });
      expect(final!.total).toBeGreaterThanOrEqual(CLUSTER_PROGRAMMES + 2);
      expect(final!.done).toBe(final!.total);
    }));

  it(`live updates: ${IDLE_CONSOLES} idle consoles add no queries on PostgreSQL (none polls), and a change reaches every one`, () =>
    timed('live updates', async () => {
      let consoles = await connectConsoles(c.apiUrls, IDLE_CONSOLES);
      try {
        // What the consoles cost: the statements the API processes (a role of their own) run while
        // the consoles sit idle, apart from whatever the worker and its timers do meanwhile.
        // The measure can see the APIs at all: the key paths above ran through them as that role.
        expect((await statementsByRole(c.databaseUrl)).get(API_ROLE) ?? 0, `statements counted for ${API_ROLE} so far`).toBeGreaterThan(100);
        const rates = await statementsPerSecond(c.databaseUrl, 15);
        const api = rates.get(API_ROLE) ?? 0;
        const others = [...rates].filter(([role]) => role !== API_ROLE).map(([role, n]) => `${role} ${n.toFixed(2)}/s`).join(', ');
        console.log(`live updates: the APIs ran ${api.toFixed(2)} statements/s on PostgreSQL with ${IDLE_CONSOLES} idle consoles connected (others meanwhile: ${others || 'none'}; polling was 4 queries/s per console: ${IDLE_CONSOLES * 4}/s)`);
        // Polling even once a minute per console would be 8/s at 500: idle consoles cost nothing at all.
        expect(api, 'statements per second the APIs run for idle consoles').toBe(0);
        await consoles.close();
        consoles = await connectConsoles(c.apiUrls, IDLE_CONSOLES);
        const since = performance.now();
        const [ons] = await freshAuthorities(c.prisma, 1);
        const id = await startProgramme(pm[0]!, ons!);
        const ms = await deliveredToAll(consoles.streams, since, (ch) => ch.resource === 'programmes' && ch.id === id);
        ms.sort((a, b) => a - b);
        console.log(`live updates: a new programme reached all ${ms.length} consoles; p50 ${ms[Math.floor(ms.length / 2)]!.toFixed(0)} ms, max ${ms.at(-1)!.toFixed(0)} ms from the command`);
      } finally {
        await consoles.close();
      }
    }));
});

describe('faults on the split cluster', () => {
  it('kill -9 the history service mid-burst, restart it: every escalation exactly once', () =>
    timed('history killed mid-burst', async () => {
      const ids = await burst(c.prisma, pm, CLUSTER_PROGRAMMES);
      const atKill = await firstEscalations(c.prisma, ids);
      await c.temporalCluster.kill9('history');
      expect(atKill, 'killed before every escalation was recorded').toBeLessThan(ids.length * perProgramme);
      await new Promise((r) => setTimeout(r, 2000));
      c.temporalCluster.start(); // restarts only what died, and waits until history answers again
      await expectExactlyOnce(c.prisma, c.temporal, pm[0]!, ids, perProgramme);
      expect(c.workers.every((w) => w.running) && c.apis.every((a) => a.running), 'workers and APIs rode it out').toBe(true);
    }));

  it('kill -9 one of the two workers mid-burst: the other finishes the burst, every escalation exactly once', () =>
    timed('one worker killed mid-burst', async () => {
      const ids = await burst(c.prisma, pm, CLUSTER_PROGRAMMES);
      const atKill = await firstEscalations(c.prisma, ids);
      await c.workers[0]!.kill9();
      expect(atKill).toBeLessThan(ids.length * perProgramme);
      await expectExactlyOnce(c.prisma, c.temporal, pm[1]!, ids, perProgramme);
      expect((await fetch(c.workerHealthUrls[1]!)).status, 'the surviving worker still polls').toBe(200);
      await c.startWorker(0);
      const health = await (await fetch(c.workerHealthUrls[0]!)).json();
      expect(health).toMatchObject({ health: 'polling', state: 'RUNNING' });
    }));

  it('restart PostgreSQL under the cluster mid-burst: SERVICE_UNAVAILABLE meanwhile, then nothing lost, and live updates resume', () =>
    timed('PostgreSQL restarted', async () => {
      const cookie = await sessionCookie(c.apiUrls[1]!, 'auditor@northmoor.gov.uk');
      const console1 = subscribe(c.apiUrls[1]!, 'live.changes', undefined, cookie);
      await console1.opened;
      const ids = await burst(c.prisma, pm, CLUSTER_PROGRAMMES);
      await firstEscalations(c.prisma, ids);
      c.pg.stop();
      try {
        const read = await pm[0]!.programmes.getList.query({}).then(() => 'answered', codeOf);
        const write = await pm[1]!.programmes.create.mutate({ onsCode: 'E09000099', ...meta('While the database is down') }).then(() => 'answered', codeOf);
        expect({ read, write }).toEqual({ read: 'SERVICE_UNAVAILABLE', write: 'SERVICE_UNAVAILABLE' });
        await new Promise((r) => setTimeout(r, 3000));
      } finally {
        c.pg.start();
      }
      await expectExactlyOnce(c.prisma, c.temporal, pm[0]!, ids, perProgramme);
      // The console connected before the restart hears about programmes of the burst after it.
      const seenAfter = new Set(console1.events.flatMap((e) => changesOf(e.data).map((ch) => ch.id)));
      expect(ids.filter((id) => seenAfter.has(id)).length, 'live changes of the burst reached the console').toBeGreaterThan(0);
      const [ons] = await freshAuthorities(c.prisma, 1);
      const since = performance.now();
      const id = await startProgramme(pm[0]!, ons!);
      await deliveredToAll([console1], since, (ch) => ch.id === id);
      console1.close();
    }));

  it('the frontend down: every Temporal-bound call answers SERVICE_UNAVAILABLE (never a 500), reads go on, a retried command has one effect', () =>
    timed('frontend down', async () => {
      const [ons] = await freshAuthorities(c.prisma, 1);
      await c.temporalCluster.kill9('frontend');
      const cmd = { onsCode: ons!, ...meta('Judged inadequate') };
      try {
        const existing = (await pm[0]!.programmes.getList.query({ pagination: { page: 1, perPage: 1 } })).data[0]!.id;
        const outcomes = {
          create: await pm[0]!.programmes.create.mutate(cmd).then(() => 'answered', codeOf),
          inspection: await pm[1]!.programmes.recordInspection.mutate({ ...meta(), programmeId: existing, inspection: { type: 'standard', fieldworkStartedOn: today(), fieldworkEndedOn: today(), reportReceivedOn: today(), judgements: { overallEffectiveness: 'inadequate' } } }).then(() => 'answered', codeOf),
          asAt: await auditor.audit.asAt.query({ kind: 'programme', workflowId: existing, at: Date.now() }).then(() => 'answered', codeOf),
        };
        expect(outcomes).toEqual({ create: 'SERVICE_UNAVAILABLE', inspection: 'SERVICE_UNAVAILABLE', asAt: 'SERVICE_UNAVAILABLE' });
        const raw = await fetch(`${c.apiUrls[0]}/trpc/health`);
        expect(((await raw.json()) as { result: { data: unknown } }).result.data).toMatchObject({ ok: false, database: 'up', temporal: 'down' });
        expect((await pm[1]!.programmes.getList.query({})).total, 'reads from the read model go on').toBeGreaterThan(0);
      } finally {
        c.temporalCluster.start();
      }
      const created = await retried(() => pm[0]!.programmes.create.mutate(cmd));
      const again = await pm[1]!.programmes.create.mutate(cmd);
      expect(again.data.id).toBe(created.data.id);
      expect(await c.prisma.programme.count({ where: { authority: { onsCode: ons! } } })).toBe(1);
    }));
});
