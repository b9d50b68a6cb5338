/**
 * Fault scenarios on processes this file owns (see processes.ts): kill -9 the worker, the Temporal
 * dev server and the API mid-run, stop PostgreSQL, and check the system keeps its promises.
 *
 * How many escalations fall due at once: each programme gets an inspection back-dated to
 * November 2025, so every deadline its inspection starts has already passed and all of its
 * escalation steps come due together (a back-dated entry, or a long outage, looks exactly like
 * this). One control programme, run with nothing failing, says how many escalations each programme
 * must have; every programme started alike must end with exactly that many.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeStateQuery } from '@ip/workflows/definitions';
import { killed, until } from './processes.js';
import { FAULT_PROGRAMMES } from './env.js';
import { addPeople, deliverAsRecorded, keptMessageIds } from './smtp-scenario.js';
import {
  caughtUp, codeOf, escalationsByProgramme, escalationsSentBy, freshAuthorities, recordBackdatedInspection, recordBackdatedInspectionUntilAccepted,
  startProgramme, startSystem, type System, type Trpc,
} from './system.js';

/** The SMTP scenario's figures, for the closing lines. */
const smtpFigures: string[] = [];

const PROGRAMMES = FAULT_PROGRAMMES;
let sys: System;
let pm: Trpc;
/** Escalations one back-dated programme records when nothing fails. */
let perProgramme = 0;
let control = '';
const timings: { scenario: string; ms: number }[] = [];
const started = Date.now();

beforeAll(async () => {
  sys = await startSystem();
  pm = await sys.signIn();
  const [ons] = await freshAuthorities(sys.prisma, 1);
  control = await startProgramme(pm, ons!);
  await recordBackdatedInspection(pm, control);
  await until('the control programme to catch up', () => caughtUp(sys.temporal, control), 120_000, 500);
  perProgramme = (await escalationsByProgramme(sys.prisma)).get(control) ?? 0;
});

afterAll(async () => {
  await sys?.close();
  console.log([
    `fault scenarios: ${timings.length} run in ${((Date.now() - started) / 1000).toFixed(1)} s (rig included)`,
    ...timings.map((t) => `  ${t.scenario}: ${(t.ms / 1000).toFixed(1)} s`),
    `processes killed or stopped: ${killed.length}`,
    ...killed.map((k) => `  ${k.what} (pid ${k.pid}) by ${k.signal}`),
    `escalations per back-dated programme: ${perProgramme}`,
    ...smtpFigures,
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

/** N fresh programmes with their inspections recorded together: N × perProgramme escalations fall due at once. */
async function burst(n: number): Promise<string[]> {
  const codes = await freshAuthorities(sys.prisma, n);
  const ids = await Promise.all(codes.map((ons) => startProgramme(pm, ons)));
  // Not awaited (the faults strike mid-burst); each is retried with its request id until accepted.
  void Promise.all(ids.map((id) => recordBackdatedInspectionUntilAccepted(pm, id))).catch(() => undefined);
  return ids;
}

async function countFor(ids: string[]): Promise<number> {
  return sys.prisma.escalation.count({ where: { programmeId: { in: ids } } });
}

/** Every programme has exactly perProgramme escalations, one per (step, due date): none missing, none twice. */
async function expectExactlyOnce(ids: string[]): Promise<void> {
  const total = ids.length * perProgramme;
  // Generous: a restarted worker first bundles its workflows, slow on a busy 2-core machine.
  const reached = await until(`${total} escalations`, async () => (await countFor(ids)) >= total, 300_000, 250).catch(async (err: Error) => {
    throw new Error(`${err.message}; per programme: ${JSON.stringify(Object.fromEntries(await escalationsByProgramme(sys.prisma)))}`);
  });
  expect(reached).toBe(true);
  for (const id of ids) await until(`${id} to catch up`, () => caughtUp(sys.temporal, id), 120_000, 500);
  const by = await escalationsByProgramme(sys.prisma);
  for (const id of ids) {
    if (by.get(id) === perProgramme) continue;
    const rows = await sys.prisma.escalation.findMany({ where: { programmeId: id }, select: { id: true, dueOn: true, fireAt: true, firedAt: true } });
    const history = await sys.temporal.workflow.getHandle(id).query(programmeStateQuery).then((st) => st.history.map((h) => h.type).join(', '), String);
    expect.fail(`escalations of ${id}: ${by.get(id)}, expected ${perProgramme}\n${JSON.stringify(rows, null, 1)}\nhistory: ${history}`);
  }
  const distinct = await sys.prisma.escalation.groupBy({ by: ['programmeId', 'stepId', 'ladderId', 'dueOn'], where: { programmeId: { in: ids } } });
  expect(distinct.length).toBe(total);
  // And each workflow's own account agrees: every step it fired has its row.
  for (const id of ids) expect(await escalationsSentBy(sys.prisma, id), `${id}'s history`).toBe(perProgramme);
}

describe('fault scenarios on processes of our own', () => {
  it('the control programme records its back-dated escalations, as its workflow says it sent them', async () => {
    expect(perProgramme).toBeGreaterThan(0);
    expect(await escalationsSentBy(sys.prisma, control)).toBe(perProgramme);
  });

  it('a. kill -9 the worker while escalations are being recorded, restart it: every escalation exactly once', () =>
    timed('a. worker killed mid-escalations', async () => {
      const ids = await burst(PROGRAMMES);
      const total = ids.length * perProgramme;
      // Kill once escalations are being recorded and before they are all in.
      const atKill = await until('the first escalations of the burst', async () => {
        const n = await countFor(ids);
        return n > 0 ? n : null;
      }, 60_000, 20);
      await sys.worker.kill9();
      expect(atKill, 'the worker was killed before every escalation was recorded').toBeLessThan(total);
      await new Promise((r) => setTimeout(r, 1500));
      await sys.startWorker();
      await expectExactlyOnce(ids);
    }));

  it('b. kill -9 the Temporal dev server mid-run, restart it on the same database file: workflows resume, due timers fire once', () =>
    timed('b. Temporal server killed mid-run', async () => {
      const ids = await burst(PROGRAMMES);
      const total = ids.length * perProgramme;
      const atKill = await until('the first escalations of the burst', async () => {
        const n = await countFor(ids);
        return n > 0 ? n : null;
      }, 60_000, 20);
      sys.temporalServer.kill9();
      await new Promise((r) => setTimeout(r, 3000));
      sys.temporalServer.start(); // same --data: the same SQLite file
      expect(atKill, 'the server was killed before every escalation was recorded').toBeLessThan(total);
      await expectExactlyOnce(ids);
      expect(sys.worker.running, 'the worker survived the outage').toBe(true);
      // The workflows answer again, and each fired each step once.
      for (const id of ids) {
        const state = await sys.temporal.workflow.getHandle(id).query(programmeStateQuery);
        expect(new Set(state.firedSteps).size, `${id} fired a step twice`).toBe(state.firedSteps.length);
        await until(`${id} projected at version ${state.version}`, async () =>
          (await sys.prisma.programme.findUnique({ where: { id } }))?.stateVersion === state.version, 30_000, 200);
      }
    }));

  it('c. stop PostgreSQL: the API answers SERVICE_UNAVAILABLE at once, activities retry, projections catch up, nothing lost', () =>
    timed('c. PostgreSQL stopped', async () => {
      const ids = await burst(PROGRAMMES);
      await until('the first escalations of the burst', async () => (await countFor(ids)) > 0, 60_000, 20);
      sys.pg.stop();
      try {
        const t0 = Date.now();
        const read = await pm.programmes.getList.query({}).then(() => 'answered', codeOf);
        const write = await pm.programmes.create.mutate({ onsCode: 'E09000099', clientRequestId: `req-${crypto.randomUUID()}`, reason: 'While the database is down' }).then(() => 'answered', codeOf);
        expect({ read, write }).toEqual({ read: 'SERVICE_UNAVAILABLE', write: 'SERVICE_UNAVAILABLE' });
        expect(Date.now() - t0, 'answered without hanging').toBeLessThan(20_000);
        await new Promise((r) => setTimeout(r, 4000)); // activities fail and retry meanwhile
      } finally {
        sys.pg.start();
      }
      await expectExactlyOnce(ids);
      for (const id of ids) {
        const state = await sys.temporal.workflow.getHandle(id).query(programmeStateQuery);
        await until(`${id} projected at version ${state.version}`, async () =>
          (await sys.prisma.programme.findUnique({ where: { id } }))?.stateVersion === state.version, 60_000, 250);
      }
      expect((await pm.programmes.getList.query({})).total).toBeGreaterThanOrEqual(ids.length);
    }));

  it('d. kill -9 the API mid-command, retry with the same request id against a restarted API: exactly one effect', () =>
    timed('d. API killed mid-command', async () => {
      for (const delayMs of [30, 300, 800]) {
        const [ons] = await freshAuthorities(sys.prisma, 1);
        const clientRequestId = `req-${crypto.randomUUID()}`;
        const cmd = { onsCode: ons!, clientRequestId, reason: 'Judged inadequate' };
        const first = pm.programmes.create.mutate(cmd).then(() => 'answered', (e: unknown) => codeOf(e) ?? 'connection lost');
        await new Promise((r) => setTimeout(r, delayMs));
        await sys.api.kill9();
        await first;
        await sys.startApi();
        const retried = await pm.programmes.create.mutate(cmd);
        const again = await pm.programmes.create.mutate(cmd);
        expect(again.data.id).toBe(retried.data.id);
        const rows = await sys.prisma.programme.findMany({ where: { authority: { onsCode: ons! } } });
        expect(rows.map((r) => r.id), `one programme after a kill ${delayMs} ms into the command`).toEqual([retried.data.id]);
        expect(await sys.prisma.commandReceipt.count({ where: { clientRequestId } })).toBe(1);
        const second = await sys.temporal.workflow.getHandle(retried.data.id.replace(/-1$/, '-2')).describe().then(() => 'exists', () => 'none');
        expect(second, 'no second workflow').toBe('none');
      }
    }));

  it('g. kill -9 the SMTP server while a burst of escalations is being emailed, restart it: every email arrives exactly once', () =>
    timed('g. SMTP server killed mid-burst', async () => {
      const codes = await freshAuthorities(sys.prisma, PROGRAMMES);
      const ids = await Promise.all(codes.map((ons) => startProgramme(pm, ons)));
      await addPeople(sys.prisma, ids);
      const delivering = deliverAsRecorded(sys.prisma, sys.temporal, ids);
      try {
        void Promise.all(ids.map((id) => recordBackdatedInspection(pm, id))).catch(() => undefined);
        const keptBefore = sys.smtp.count('kept');
        await until('the first emails of the burst to arrive', async () => sys.smtp.count('kept') > keptBefore, 120_000, 20);
        await sys.smtp.kill9();
        await new Promise((r) => setTimeout(r, 5000)); // deliveries fail and wait to retry meanwhile
        await sys.smtp.start(); // same port, same mail directory
        await expectExactlyOnce(ids);
        const planned = () => sys.prisma.emailDelivery.findMany({ where: { programmeId: { in: ids }, kind: 'escalation' } });
        await until('every email of the burst to be final', async () => {
          const rows = await planned();
          return rows.length > 0 && rows.every((r) => !['planned', 'sending'].includes(r.status));
        }, 600_000, 500);
        const rows = await planned();
        expect(rows.filter((r) => r.status !== 'sent').map((r) => `${r.id}: ${r.status} ${r.lastError ?? ''}`)).toEqual([]);
        // Exactly once: each delivery's Message-ID is kept once at the server, and nothing else of theirs is.
        const kept = keptMessageIds(sys.smtp.dir);
        const ours = new Set(rows.map((r) => r.messageId));
        const keptOurs = kept.filter((m) => ours.has(m));
        expect(keptOurs.length).toBe(rows.length);
        expect(new Set(keptOurs).size).toBe(rows.length);
        // The server's only repeats are attempts whose outcome the sender could not know.
        const unknown = await sys.prisma.emailDeliveryAttempt.count({ where: { deliveryId: { in: rows.map((r) => r.id) }, outcome: 'unknown' } });
        const notSent = await sys.prisma.emailDeliveryAttempt.count({ where: { deliveryId: { in: rows.map((r) => r.id) }, outcome: 'not_sent' } });
        expect(sys.smtp.count('duplicate')).toBeLessThanOrEqual(unknown);
        smtpFigures.push(
          `emails in the SMTP burst: ${rows.length} (${ids.length} programmes, ${delivering.started.size} escalations), each kept once`,
          `  attempts refused while the server was down: ${notSent}; outcome unknown (cut mid-conversation): ${unknown}; repeats the server absorbed: ${sys.smtp.count('duplicate')}`,
        );
      } finally {
        await delivering.stop();
      }
    }));
});
