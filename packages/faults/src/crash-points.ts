/**
 * Stopping the API at an exact point of a command, with nothing added to the API for it: the test
 * holds a PostgreSQL lock the command's next step needs, watches the API's backend wait on it (and
 * Temporal or PostgreSQL show the effect already there), kills the API, then lets go.
 */
import type { Prisma, PrismaClient } from '@ip/db';
import { until } from './processes.js';

export interface WaitingBackend {
  pid: number;
  query: string;
}

/** The API's backend blocked on a lock while running a statement on `table` (none: null). */
export async function backendWaitingOn(prisma: PrismaClient, table: string): Promise<WaitingBackend | null> {
  const rows = await prisma.$queryRaw<{ pid: number; query: string }[]>`
    SELECT pid, query FROM pg_stat_activity
    WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND query ILIKE ${`%"${table}"%`}`;
  return rows[0] ?? null;
}

/** The tables a backend holds write locks on: its transaction's effects so far. */
export async function tablesWrittenBy(prisma: PrismaClient, pid: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ relname: string }[]>`
    SELECT DISTINCT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
    WHERE l.pid = ${pid} AND l.mode = 'RowExclusiveLock' AND c.relkind = 'r'`;
  return rows.map((r) => r.relname).sort();
}

/** Whether a backend is still there (a killed client's backend goes once it notices). */
export async function backendAlive(prisma: PrismaClient, pid: number): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ${pid}`;
  return (rows[0]?.n ?? 0) > 0;
}

/**
 * Runs `body` while holding, in a transaction of its own, `lock` (SQL run first, e.g. LOCK TABLE or
 * SELECT … FOR UPDATE). The lock goes when `body` ends (the transaction rolls back: it wrote nothing).
 */
export async function whileLocked<T>(prisma: PrismaClient, lock: Prisma.Sql, body: () => Promise<T>): Promise<T> {
  let result: T | undefined;
  await prisma
    .$transaction(async (tx) => {
      await tx.$executeRaw(lock);
      result = await body();
      throw new RollBack();
    }, { timeout: 300_000, maxWait: 30_000 })
    .catch((err: unknown) => {
      if (!(err instanceof RollBack)) throw err;
    });
  return result as T;
}

class RollBack extends Error {}

/** Waits until the killed API's backend has gone (it rolls back its open transaction as it goes). */
export async function untilGone(prisma: PrismaClient, pid: number): Promise<void> {
  await until(`backend ${pid} to end`, async () => !(await backendAlive(prisma, pid)), 60_000, 100);
}
