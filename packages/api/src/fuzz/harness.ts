/**
 * What the procedure fuzzers share: the router's procedures by kind, a rig on real PostgreSQL whose
 * client counts the queries procedures send, a Temporal that is never reachable, the row count that
 * says whether a request stored anything, and the checks every rejection must pass.
 */
import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import type { z } from 'zod';
import { hashPassword } from '@ip/db';
import type { TRole } from '@ip/domain';
import { appRouter } from '../root.js';
import { createCallerFactory, type Meta } from '../trpc.js';
import { createContextInner, type SessionUser } from '../context.js';
import { fieldsOf, startRouterTest, type RouterTest } from '../test-support.js';
import { fieldPath } from '../errors.js';
import type { HostileInput } from './arbitraries.js';

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/** Queries are fuzzed with fewer inputs by default: they change nothing, and there are as many of them. */
export const FUZZ_QUERY_RUNS = Number(process.env.FUZZ_QUERY_RUNS ?? process.env.FUZZ_RUNS ?? 300);
/**
 * The test command fuzzes from a fixed seed, so a run that passed here passes in CI too; explore new
 * inputs with FUZZ_SEED=random (and a larger FUZZ_RUNS), and replay a counterexample from a failure
 * report with FUZZ_ONLY=kpis.create FUZZ_SEED=<seed> FUZZ_PATH=<path>.
 */
export const FUZZ_ONLY = process.env.FUZZ_ONLY;
const FUZZ_SEED = process.env.FUZZ_SEED ?? '20261129';
export const replay = FUZZ_SEED === 'random' ? {} : { seed: Number(FUZZ_SEED), path: process.env.FUZZ_PATH };
export const PASSWORD = 'fuzz-password-2026';

export type Proc = { _def: { meta?: Meta; type: 'query' | 'mutation' | 'subscription'; inputs: z.ZodType[] } };
export const procedures = (kinds: readonly Proc['_def']['type'][]) =>
  (Object.entries(appRouter._def.procedures) as unknown as [string, Proc][])
    .filter(([path, p]) => kinds.includes(p._def.type) && (!FUZZ_ONLY || path === FUZZ_ONLY));

/** Temporal that cannot be reached: every call fails as a gRPC UNAVAILABLE would. */
export function unreachable(): unknown {
  const fail = () => { throw Object.assign(new Error('14 UNAVAILABLE: no Temporal in the fuzz rig'), { code: 14 }); };
  return new Proxy(fail, { get: (_t, key) => (key === 'then' ? undefined : unreachable()), apply: fail });
}

export interface FuzzRig {
  rig: RouterTest;
  /** A second admin: the "other user" of the idempotency replay. */
  otherAdmin: SessionUser;
  /** Rows stored, less what a request may legitimately leave though refused (see below). */
  countRows(): Promise<number>;
  /** Pending receipts: a workflow command whose outcome is unknown (Temporal unreachable) keeps its claim. */
  countPending(): Promise<number>;
  /** How many queries procedures have sent so far (a rejection that sent none stored nothing). */
  queries(): number;
  caller(user: SessionUser | null, clientIp?: string): Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
  roleFor(proc: Proc): TRole;
  close(): Promise<void>;
}

export async function startFuzzRig(): Promise<FuzzRig> {
  const rig = await startRouterTest();
  // Real password hashes, so password checks run as they do in production.
  await rig.prisma.user.updateMany({ data: { passwordHash: await hashPassword(PASSWORD) } });
  const row = await rig.prisma.user.create({ data: { email: 'second-admin@northmoor.gov.uk', name: 'Second Admin', role: 'admin', passwordHash: 'x' } });
  const otherAdmin: SessionUser = { id: row.id, email: row.email, name: row.name, role: 'admin' };
  const tables = await rig.prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`;
  // Left out, by design: every sign-in attempt is counted whatever its outcome (sign_in_throttle, and
  // a lockout's audit row), and a workflow command refused as SERVICE_UNAVAILABLE keeps its pending
  // claim so that a retry completes it (checked on its own: countPending).
  const counted = tables.map((t) => {
    if (t.name === 'sign_in_throttle') return '0';
    if (t.name === 'command_receipt') return `(SELECT count(*) FROM "command_receipt" WHERE status <> 'pending')`;
    if (t.name === 'audit_event') return `(SELECT count(*) FROM "audit_event" WHERE entity <> 'sign_in')`;
    return `(SELECT count(*) FROM "${t.name}")`;
  });
  const sql = `SELECT (${counted.join(' + ')})::int AS n`;
  let queries = 0;
  const count = async ({ args, query }: { args: unknown; query: (a: unknown) => Promise<unknown> }) => { queries++; return query(args); };
  const prisma = rig.prisma.$extends({
    query: { $allModels: { $allOperations: count }, $queryRaw: count, $executeRaw: count, $queryRawUnsafe: count, $executeRawUnsafe: count },
  }) as unknown as RouterTest['prisma'];
  return {
    rig,
    otherAdmin,
    countRows: async () => (await rig.prisma.$queryRawUnsafe<{ n: number }[]>(sql))[0]!.n,
    countPending: () => rig.prisma.commandReceipt.count({ where: { status: 'pending' } }),
    queries: () => queries,
    caller: (user, clientIp) =>
      createCallerFactory(appRouter)(
        createContextInner({ prisma, temporal: unreachable() as never }, { user, sessionId: user ? 'fuzz-session' : null, ...(clientIp ? { clientIp } : {}) }),
      ) as unknown as ReturnType<FuzzRig['caller']>,
    roleFor: (proc) => {
      const access = proc._def.meta?.access;
      if (access === 'public' || access === undefined) return 'programme_manager';
      // Readers fuzz as an auditor (the role that must change nothing), commands as a manager, admin's as an admin.
      if (access.includes('auditor')) return 'auditor';
      return access.includes('programme_manager') ? 'programme_manager' : 'admin';
    },
    close: () => rig.close(),
  };
}

export function valueAt(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v === null || typeof v !== 'object' ? undefined : (v as Record<string | number, unknown>)[k]), value);
}

/** The changed field is named: an issue path that is the field, inside it, or a parent of it. */
function names(fields: string[], path: (string | number)[]): boolean {
  const changed = fieldPath(path);
  return fields.some((f) => f !== '' && (f === changed || changed.startsWith(`${f}.`) || f.startsWith(`${changed}.`)));
}

/**
 * What every refusal must be: a TRPCError, never INTERNAL_SERVER_ERROR (a 500); a BAD_REQUEST names
 * a field, and the spoiled one when a valid input was spoiled by a wrong type or a missing field.
 */
export function expectGoodRefusal(outcome: unknown, h: HostileInput, schema: z.ZodType | undefined): TRPCError {
  const err = outcome as TRPCError;
  expect(err, 'a TRPCError').toBeInstanceOf(TRPCError);
  expect(err.code, `500: ${String((err.cause)?.stack ?? err.message)}`).not.toBe('INTERNAL_SERVER_ERROR');
  if (err.code === 'BAD_REQUEST') {
    const fields = fieldsOf(err);
    expect(fields.length, `BAD_REQUEST without a field: ${err.message}`).toBeGreaterThan(0);
    if (typeof h.input === 'object' && h.input !== null && !Array.isArray(h.input)) expect(fields.some((x) => x !== '(input)'), `names no field: ${err.message}`).toBe(true);
  }
  // A value of the right type may instead break a cross-field rule (a band beside its target),
  // which names the other field; a wrong type or a missing field must name the field itself.
  const retyped = h.kind === 'missing' || (h.kind === 'replaced' && typeof valueAt(h.base, h.path!) !== typeof valueAt(h.input, h.path!));
  if (retyped && schema?.safeParse(h.base).success && !schema.safeParse(h.input).success) {
    expect(err.code).toBe('BAD_REQUEST');
    expect(names(fieldsOf(err), h.path!), `spoiled ${h.path!.join('.')}, error names ${fieldsOf(err).join(', ')}`).toBe(true);
  }
  expect(({} as Record<string, unknown>).polluted, 'prototype polluted').toBeUndefined();
  return err;
}

/** Per procedure and kind of input, how many were tried and passed every check. */
export type Tally = Record<string, Record<HostileInput['kind'], number>>;
export function printTally(title: string, tally: Tally): void {
  const lines = Object.entries(tally).map(([p, k]) => `  ${p}: ${Object.values(k).reduce((a, b) => a + b, 0)} (${Object.entries(k).map(([n, c]) => `${n} ${c}`).join(', ')})`);
  console.log(`${title}:\n${lines.join('\n')}`);
}
