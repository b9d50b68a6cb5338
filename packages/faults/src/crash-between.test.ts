/**
 * The API killed exactly between a command's effect and its receipt (crash-points.ts pins the point
 * with a PostgreSQL lock, and the test checks the effect is there and the receipt is not before it
 * kills), then restarted, and the command retried with the same request id:
 *
 * e. a register command (risks.create): the effect and the receipt share a transaction, so the
 *    killed attempt leaves neither; the retry has the one effect, and a second retry its answer.
 * f. a workflow command (actions.updateProgress): the Update is accepted in Temporal and projected,
 *    the receipt is still pending when the API dies; the retry sends the same Update id, gets
 *    Temporal's first outcome (no second effect) and completes the receipt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@ip/db';
import { killed, until } from './processes.js';
import { backendWaitingOn, tablesWrittenBy, whileLocked } from './crash-points.js';
import { codeOf, freshAuthorities, startProgramme, startSystem, type System, type Trpc } from './system.js';

let sys: System;
let pm: Trpc;
let programmeId = '';
const timings: { scenario: string; ms: number }[] = [];
const started = Date.now();

beforeAll(async () => {
  sys = await startSystem();
  pm = await sys.signIn();
  const [ons] = await freshAuthorities(sys.prisma, 1);
  programmeId = await startProgramme(pm, ons!);
});

afterAll(async () => {
  await sys?.close();
  console.log([
    `crash-between scenarios: ${timings.length} run in ${((Date.now() - started) / 1000).toFixed(1)} s (rig included)`,
    ...timings.map((t) => `  ${t.scenario}: ${(t.ms / 1000).toFixed(1)} s`),
    `processes killed: ${killed.length}`,
    ...killed.map((k) => `  ${k.what} (pid ${k.pid}) by ${k.signal}`),
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

/** Kills the API and ends its blocked statement, as if the process had died before sending it. */
async function killApiAt(pid: number): Promise<void> {
  await sys.api.kill9();
  await sys.prisma.$queryRaw`SELECT pg_terminate_backend(${pid})::text`;
}

const risk = (ref: string) => ({
  ref, title: `Risk ${ref}`, owner: 'Head of Workforce', threshold: 12, mitigation: 'Recruitment package',
  beforeMitigation: { likelihood: 5, impact: 4 }, afterMitigation: { likelihood: 2, impact: 3 },
});

describe('the API killed between a command’s effect and its receipt', () => {
  it('e. register command: killed with the effect written and the receipt not yet; the retry has exactly one effect', () =>
    timed('e. killed between effect and receipt (risks.create)', async () => {
      const clientRequestId = `req-${crypto.randomUUID()}`;
      const cmd = { programmeId, clientRequestId, reason: 'Raised at the improvement board', risk: risk('R-CRASH') };
      let first: Promise<string> = Promise.resolve('not sent');
      await whileLocked(sys.prisma, Prisma.sql`LOCK TABLE command_receipt IN SHARE MODE`, async () => {
        first = pm.risks.create.mutate(cmd).then(() => 'answered', (e: unknown) => codeOf(e) ?? 'connection lost');
        const waiting = await until('the receipt insert to wait on the lock', () => backendWaitingOn(sys.prisma, 'command_receipt'), 60_000, 20);
        // The effect is written (uncommitted) in the same transaction that now waits to write the receipt.
        expect(await tablesWrittenBy(sys.prisma, waiting.pid)).toEqual(expect.arrayContaining(['audit_event', 'risk']));
        await killApiAt(waiting.pid);
      });
      expect(await first).toBe('connection lost');
      expect(await sys.prisma.risk.count({ where: { programmeId, ref: 'R-CRASH' } }), 'the killed attempt left no effect').toBe(0);
      expect(await sys.prisma.commandReceipt.count({ where: { clientRequestId } })).toBe(0);

      await sys.startApi();
      const retried = await pm.risks.create.mutate(cmd);
      const again = await pm.risks.create.mutate(cmd);
      expect(again).toEqual(retried);
      const rows = await sys.prisma.risk.findMany({ where: { programmeId, ref: 'R-CRASH' } });
      expect(rows.map((r) => r.id)).toEqual([retried.data.id]);
      expect(await sys.prisma.auditEvent.count({ where: { entity: 'risk', entityId: retried.data.id } })).toBe(1);
      expect(await sys.prisma.commandReceipt.findUniqueOrThrow({ where: { clientRequestId } })).toMatchObject({ status: 'done', procedure: 'risks.create' });
    }));

  it('f. workflow command: killed with the Update accepted and projected and the receipt pending; the retry has exactly one effect', () =>
    timed('f. killed between effect and receipt (actions.updateProgress)', async () => {
      const action = await pm.actions.create.mutate({
        programmeId, clientRequestId: `req-${crypto.randomUUID()}`, reason: 'From the recommendations', title: 'Audit the front door', owner: { name: 'Jo Bloggs' }, dueOn: '2027-06-30', ofstedLinked: true,
      });
      const actionId = action.data.id;
      /** Updates accepted by the action's workflow with this request id: the command's effects. */
      const accepted = async (id: string) => {
        const { events } = await sys.temporal.workflow.getHandle(actionId).fetchHistory();
        return (events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId?.endsWith(`:${id}`)).length;
      };
      // The lock must be taken on the claim before the API comes back from Temporal to complete it:
      // tens of milliseconds. On a busy machine the API may win the race; then try again.
      for (let attempt = 1; ; attempt++) {
        const clientRequestId = `req-${crypto.randomUUID()}`;
        const cmd = { actionId, clientRequestId, reason: 'Monthly return', percentComplete: 40 + attempt, note: `Attempt ${attempt}` };
        const first = pm.actions.updateProgress.mutate(cmd).then(() => 'answered', (e: unknown) => codeOf(e) ?? 'connection lost');
        await until('the claim', () => sys.prisma.commandReceipt.findUnique({ where: { clientRequestId } }), 30_000, 2);
        const pinned = await whileLocked(sys.prisma, Prisma.sql`SELECT client_request_id FROM command_receipt WHERE client_request_id = ${clientRequestId} AND status = 'pending' FOR UPDATE`, async () => {
          const claim = await sys.prisma.commandReceipt.findUnique({ where: { clientRequestId } });
          if (claim?.status !== 'pending') return false; // completed before the lock: not this time
          const waiting = await until('the receipt completion to wait on the lock', () => backendWaitingOn(sys.prisma, 'command_receipt'), 60_000, 20);
          // The effect is in Temporal and projected; the receipt is not.
          expect(await accepted(clientRequestId)).toBe(1);
          expect((await sys.prisma.action.findUniqueOrThrow({ where: { id: actionId } })).percentComplete).toBe(cmd.percentComplete);
          await killApiAt(waiting.pid);
          return true;
        });
        if (!pinned) {
          await first;
          expect(attempt, 'the lock was never taken in time').toBeLessThan(10);
          continue;
        }
        expect(await first).toBe('connection lost');
        expect(await sys.prisma.commandReceipt.findUniqueOrThrow({ where: { clientRequestId } })).toMatchObject({ status: 'pending', resultJson: null });

        await sys.startApi();
        const retried = await pm.actions.updateProgress.mutate(cmd);
        const again = await pm.actions.updateProgress.mutate(cmd);
        expect(again).toEqual(retried);
        expect(retried.data.percentComplete).toBe(cmd.percentComplete);
        expect(await accepted(clientRequestId), 'one Update accepted, however often it was sent').toBe(1);
        expect(await sys.prisma.commandReceipt.findUniqueOrThrow({ where: { clientRequestId } })).toMatchObject({ status: 'done', procedure: 'actions.updateProgress' });
        console.log(`f: pinned on attempt ${attempt}`);
        return;
      }
    }));
});
