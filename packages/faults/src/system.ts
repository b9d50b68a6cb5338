/**
 * The whole system as production runs it, on processes this scenario owns: PostgreSQL, the Temporal
 * dev server, the worker and the API, plus an HTTP tRPC client signed in as a programme manager.
 */
import { TRPCClientError } from '@trpc/client';
import type { Client } from '@temporalio/client';
import { createTemporalClient } from '@ip/api';
import { createPrisma, type PrismaClient } from '@ip/db';
import { applyMigrations } from '@ip/db/migrate';
import { seedDemoData } from '@ip/db/seed';
import { signedInClient, type Trpc } from './client.js';
import { AppProcess, freePort, PostgresCluster, SmtpSink, TemporalServer } from './processes.js';

export type { Trpc };

/** Back-dated to last year: every deadline of the programme has passed, so its ladders fire at once. */
export const BACKDATED_INSPECTION = {
  type: 'standard' as const,
  fieldworkStartedOn: '2025-09-29',
  fieldworkEndedOn: '2025-10-10',
  reportReceivedOn: '2025-11-03',
  judgements: { overallEffectiveness: 'inadequate' as const, helpAndProtection: 'inadequate' as const },
};

export interface System {
  pg: PostgresCluster;
  temporalServer: TemporalServer;
  /** The SMTP server the worker sends every email to (a process of its own, so it can be killed). */
  smtp: SmtpSink;
  worker: AppProcess;
  api: AppProcess;
  apiUrl: string;
  prisma: PrismaClient;
  temporal: Client;
  /** A tRPC client over HTTP with its own cookie jar, signed in as the demo programme manager. */
  signIn(): Promise<Trpc>;
  startWorker(): Promise<void>;
  startApi(): Promise<void>;
  close(): Promise<void>;
}

export function codeOf(err: unknown): string | undefined {
  return err instanceof TRPCClientError ? (err.data as { code?: string } | undefined)?.code : undefined;
}

export async function startSystem(): Promise<System> {
  const t0 = Date.now();
  const step = (what: string) => console.log(`rig: ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const pg = new PostgresCluster(await freePort());
  pg.start();
  const temporalServer = new TemporalServer(await freePort());
  temporalServer.start();
  step('postgres and temporal up');
  await applyMigrations({ databaseUrl: pg.url });
  const prisma = createPrisma({ databaseUrl: pg.url });
  await seedDemoData(prisma);
  step('migrated and seeded');
  const { client: temporal, connection } = createTemporalClient(temporalServer.address, 'default');
  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const smtp = new SmtpSink(await freePort());
  await smtp.start();
  // A short lease, so a delivery whose sender died is retried within seconds; attempts enough to outlast an outage.
  const env = {
    DATABASE_URL: pg.url, TEMPORAL_ADDRESS: temporalServer.address, TEMPORAL_NAMESPACE: 'default',
    SMTP_PORT: String(smtp.port), DELIVERY_LEASE_MS: '5000', DELIVERY_MAX_ATTEMPTS: '50',
  };
  const worker = new AppProcess('worker', { ...env, LOG_LEVEL: 'info' });
  const api = new AppProcess('api', { ...env, API_PORT: String(apiPort), API_HOST: '127.0.0.1' });

  const system: System = {
    pg, temporalServer, smtp, worker, api, apiUrl, prisma, temporal,
    startWorker: () => worker.start(async () => worker.output.includes('worker: polling')),
    startApi: () => api.start(async () => (await fetch(`${apiUrl}/trpc/health`).catch(() => null))?.ok ?? false),
    signIn: () => signedInClient(apiUrl, 'pm@northmoor.gov.uk'),
    async close() {
      await Promise.allSettled([worker.stop(), api.stop()]);
      await connection.close().catch(() => undefined);
      await prisma.$disconnect().catch(() => undefined);
      temporalServer.destroy();
      smtp.destroy();
      pg.destroy();
    },
  };
  await system.startWorker();
  step('worker polling');
  await system.startApi();
  step('api answering');
  return system;
}

let authorities = 0;

/** ONS codes of `n` new authorities (one open programme per authority, so each scenario needs its own). */
export async function freshAuthorities(prisma: PrismaClient, n: number): Promise<string[]> {
  const codes = Array.from({ length: n }, () => `E0${String(7_000_000 + ++authorities)}`);
  await prisma.localAuthority.createMany({ data: codes.map((onsCode) => ({ onsCode, name: `Fault Test Council ${onsCode}` })) });
  return codes;
}

/**
 * Starts a programme; returns its id. SERVICE_UNAVAILABLE ("the worker has not picked it up yet", on a
 * busy machine) is retried with the same request id, as the console does: one programme either way.
 */
export async function startProgramme(trpc: Trpc, onsCode: string): Promise<string> {
  const cmd = { onsCode, clientRequestId: `req-${crypto.randomUUID()}`, reason: 'Judged inadequate' };
  for (let attempt = 1; ; attempt++) {
    try {
      return (await trpc.programmes.create.mutate(cmd)).data.id;
    } catch (err) {
      if (codeOf(err) !== 'SERVICE_UNAVAILABLE' || attempt >= 6) throw err;
    }
  }
}

/** Records the back-dated inspection: every clock it starts is already overdue. */
export async function recordBackdatedInspection(trpc: Trpc, programmeId: string, clientRequestId = `req-${crypto.randomUUID()}`): Promise<void> {
  await trpc.programmes.recordInspection.mutate({ programmeId, clientRequestId, reason: 'Ofsted report received', inspection: BACKDATED_INSPECTION });
}

/**
 * Records the back-dated inspection as an integrator must through an outage: the same request id
 * again until it is accepted (a retry has one effect), for up to `timeoutMs`.
 */
export async function recordBackdatedInspectionUntilAccepted(trpc: Trpc, programmeId: string, timeoutMs = 300_000): Promise<void> {
  const clientRequestId = `req-${crypto.randomUUID()}`;
  const end = Date.now() + timeoutMs;
  for (let delay = 250; ; delay = Math.min(delay * 2, 5000)) {
    try {
      return await recordBackdatedInspection(trpc, programmeId, clientRequestId);
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** Escalation rows per programme id. */
export async function escalationsByProgramme(prisma: PrismaClient): Promise<Map<string, number>> {
  const rows = await prisma.escalation.groupBy({ by: ['programmeId'], _count: { _all: true } });
  return new Map(rows.map((r) => [r.programmeId ?? '', r._count._all]));
}

/**
 * Whether a programme workflow has caught up: it sleeps on a timer at least a minute long (its next
 * deadline is in the future) or waits for a command with no timer at all. Every overdue step has
 * fired by then, and its escalation row is in (the activity completed before the timer started).
 */
export async function caughtUp(temporal: Client, id: string): Promise<boolean> {
  const { events } = await temporal.workflow.getHandle(id).fetchHistory();
  const all = events ?? [];
  // Its last workflow task wrote only markers (local activities: projections, escalations), a timer
  // and Update replies: nothing is waiting on an activity or a task, and the next wake (if any) is a
  // minute or more away.
  const lastTask = all.findLastIndex((e) => e.workflowTaskCompletedEventAttributes);
  if (lastTask < 0) return false;
  const after = all.slice(lastTask + 1);
  const quiet = (e: (typeof all)[number]) => e.markerRecordedEventAttributes || e.timerStartedEventAttributes
    || e.workflowExecutionUpdateCompletedEventAttributes || e.workflowExecutionUpdateAcceptedEventAttributes;
  if (!after.every(quiet)) return false;
  const timers = all.filter((e) => e.timerStartedEventAttributes);
  const fired = new Set(all.flatMap((e) => [e.timerFiredEventAttributes?.startedEventId, e.timerCanceledEventAttributes?.startedEventId]).filter(Boolean).map(String));
  const pending = timers.filter((t) => !fired.has(String(t.eventId))).at(-1);
  return !pending || Number(pending.timerStartedEventAttributes!.startToFireTimeout?.seconds ?? 0) >= 60;
}

/**
 * The escalations a programme workflow says it sent: ladder steps reached, less reminders it held back
 * and steps a later one superseded (the late-escalation rule). Its timeline, from the read model
 * (a continued run holds only its own part of it).
 */
export async function escalationsSentBy(prisma: PrismaClient, id: string): Promise<number> {
  const row = await prisma.programme.findUniqueOrThrow({ where: { id } });
  const history = (row.state as { history: { type: string; summary: string }[] }).history;
  return history.filter((h) => h.type === 'ladder_step_fired' && !h.summary.startsWith('(reminder not sent')
    && !h.summary.includes('reminder not sent:') && !h.summary.includes('not raised:')).length;
}
