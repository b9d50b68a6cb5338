/**
 * Escalation bursts through the HTTP API: programmes whose inspection is back-dated to November
 * 2025, so every deadline it starts has passed and all their ladder steps come due at once. A
 * control programme run with nothing failing says how many escalations each must end with.
 */
import { expect } from 'vitest';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@ip/db';
import { until } from '@ip/faults/processes';
import { escalationsByProgramme, freshAuthorities, recordBackdatedInspection } from '@ip/faults/system';
import { codeOf, type Trpc } from './cluster.js';

export { escalationsByProgramme, freshAuthorities, recordBackdatedInspection };

/**
 * Whether a workflow has done all it can for now, in Temporal's own terms (no knowledge of what our
 * workflows record): no workflow task pending, no activity pending or retrying, and no timer of
 * under a minute waiting to fire (an overdue step may still sleep out a short remainder).
 */
export async function caughtUp(temporal: Client, id: string): Promise<boolean> {
  const handle = temporal.workflow.getHandle(id);
  const { raw } = await handle.describe();
  if (raw.pendingWorkflowTask || (raw.pendingActivities ?? []).length > 0) return false;
  const { events } = await handle.fetchHistory();
  const shortTimers = new Set<string>();
  for (const e of events ?? []) {
    const started = e.timerStartedEventAttributes;
    // seconds is a protobuf Long: Number() of it is NaN, its string is the number.
    if (started?.timerId && Number(String(started.startToFireTimeout?.seconds ?? 0)) < 60) shortTimers.add(started.timerId);
    const done = e.timerFiredEventAttributes?.timerId ?? e.timerCanceledEventAttributes?.timerId;
    if (done) shortTimers.delete(done);
  }
  return shortTimers.size === 0;
}

/**
 * Starts a programme; returns its id. SERVICE_UNAVAILABLE (Temporal or the database briefly away,
 * or no worker has picked it up yet) is retried with the same request id, as the console does.
 */
export async function startProgramme(trpc: Trpc, onsCode: string, attempts = 10): Promise<string> {
  const cmd = { onsCode, clientRequestId: `req-${crypto.randomUUID()}`, reason: 'Judged inadequate' };
  for (let attempt = 1; ; attempt++) {
    try {
      return (await trpc.programmes.create.mutate(cmd)).data.id;
    } catch (err) {
      if (codeOf(err) !== 'SERVICE_UNAVAILABLE' || attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** The same command retried through SERVICE_UNAVAILABLE, as the console retries. */
export async function retried<T>(call: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (codeOf(err) !== 'SERVICE_UNAVAILABLE' || attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** Escalations one back-dated programme records when nothing fails. */
export async function controlProgramme(prisma: PrismaClient, temporal: Client, trpc: Trpc): Promise<{ id: string; perProgramme: number }> {
  const [ons] = await freshAuthorities(prisma, 1);
  const id = await startProgramme(trpc, ons!);
  await recordBackdatedInspection(trpc, id);
  await until('the control programme to catch up', () => caughtUp(temporal, id), 180_000, 500);
  const perProgramme = (await escalationsByProgramme(prisma)).get(id) ?? 0;
  return { id, perProgramme };
}

/** N fresh programmes, started through the given APIs in turn, inspections recorded together. */
export async function burst(prisma: PrismaClient, apis: Trpc[], n: number): Promise<string[]> {
  const codes = await freshAuthorities(prisma, n);
  const ids = await Promise.all(codes.map((ons, i) => startProgramme(apis[i % apis.length]!, ons)));
  // Recorded in the background: the caller kills things meanwhile; retried through the outage.
  void Promise.all(ids.map((id, i) => retried(() => recordBackdatedInspection(apis[i % apis.length]!, id)))).catch(() => undefined);
  return ids;
}

export async function countFor(prisma: PrismaClient, ids: string[]): Promise<number> {
  return prisma.escalation.count({ where: { programmeId: { in: ids } } });
}

/** Waits for the first escalations of a burst: the moment to break something. */
export function firstEscalations(prisma: PrismaClient, ids: string[]): Promise<number> {
  return until('the first escalations of the burst', async () => {
    const n = await countFor(prisma, ids);
    return n > 0 ? n : null;
  }, 120_000, 20);
}

/**
 * Every programme ends with exactly perProgramme escalations, one per (ladder, step, due date): none
 * missing, none twice; and each is on the escalations list the console reads, through the API.
 */
export async function expectExactlyOnce(prisma: PrismaClient, temporal: Client, trpc: Trpc, ids: string[], perProgramme: number): Promise<void> {
  const total = ids.length * perProgramme;
  await until(`${total} escalations`, async () => (await countFor(prisma, ids)) >= total, 420_000, 250).catch(async (err: Error) => {
    throw new Error(`${err.message}; per programme: ${JSON.stringify(Object.fromEntries(await escalationsByProgramme(prisma)))}`);
  });
  for (const id of ids) await until(`${id} to catch up`, () => caughtUp(temporal, id), 180_000, 500);
  const by = await escalationsByProgramme(prisma);
  for (const id of ids) expect(by.get(id), `escalations of ${id}`).toBe(perProgramme);
  const distinct = await prisma.escalation.groupBy({ by: ['programmeId', 'ladderId', 'stepId', 'dueOn'], where: { programmeId: { in: ids } } });
  expect(distinct.length, 'one escalation per (programme, ladder, step, due date)').toBe(total);
  for (const id of ids) {
    const listed = await retried(() => trpc.escalations.getList.query({ filter: { programmeId: id }, pagination: { page: 1, perPage: 200 } }));
    expect(listed.total, `escalations of ${id} through the API`).toBe(perProgramme);
  }
}
