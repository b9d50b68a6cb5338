/**
 * Router tests on real PostgreSQL: a fresh, migrated database per test file, three signed-in users
 * (one per role) stored as real rows (receipts and saved views reference them), one programme row,
 * and callers through `createCaller`. Temporal throws if touched: these routers never need it.
 */
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { createPrisma, type PrismaClient } from '@ip/db';
import { applyMigrations } from '@ip/db/migrate';
import { createTempDatabase, type TempDatabase } from '@ip/db/testing';
import type { TRole } from '@ip/domain';
import { initialProgrammeState } from '@ip/workflows/events';
import { appRouter } from './root.js';
import { createCallerFactory } from './trpc.js';
import { issueFields } from './errors.js';
import { createContextInner, type SessionUser } from './context.js';

export const PROGRAMME_ID = 'programme-E09000099-1';
const createCaller = createCallerFactory(appRouter);
const untouchable = new Proxy({}, { get: () => { throw new Error('Temporal touched by a register router'); } });

export interface RouterTest {
  /** The test database's URL (a second client on it stands for another API process). */
  url: string;
  prisma: PrismaClient;
  users: Record<TRole, SessionUser>;
  as(role: TRole): ReturnType<typeof createCaller>;
  close(): Promise<void>;
}

export async function startRouterTest(): Promise<RouterTest> {
  const db: TempDatabase = await createTempDatabase();
  await applyMigrations({ databaseUrl: db.url });
  const prisma = createPrisma({ databaseUrl: db.url });
  const users = {} as Record<TRole, SessionUser>;
  for (const role of ['programme_manager', 'auditor', 'admin'] as const) {
    const row = await prisma.user.create({ data: { email: `${role}@northmoor.gov.uk`, name: role, role, passwordHash: 'x' } });
    users[role] = { id: row.id, email: row.email, name: row.name, role };
  }
  const authority = await prisma.localAuthority.create({ data: { onsCode: 'E09000099', name: 'Northmoor Borough Council' } });
  // A real start state (reads parse it), as the programme workflow's first projection writes it.
  const state = initialProgrammeState(
    { programmeId: PROGRAMME_ID, onsCode: authority.onsCode, authorityName: authority.name, cycle: 1, actor: { userId: users.programme_manager.id, role: 'programme_manager' }, reason: 'Test programme' },
    Date.now(),
  );
  await prisma.programme.create({
    data: { id: PROGRAMME_ID, authorityId: authority.id, cycle: 1, phase: 'action_planning', state: state, stateVersion: 1, startedAt: new Date() },
  });
  return {
    url: db.url,
    prisma,
    users,
    as: (role) => createCaller(createContextInner({ prisma, temporal: untouchable as never }, { user: users[role] })),
    async close() {
      await prisma.$disconnect();
      await db.drop();
    },
  };
}

/** The TRPCError a call fails with (fails the test if it succeeds). */
export async function failure(call: Promise<unknown>): Promise<TRPCError> {
  const result = await call.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  if (!(result instanceof TRPCError)) throw result;
  return result;
}

/** The input fields a BAD_REQUEST names (schema errors and server-side field errors alike). */
export function fieldsOf(err: TRPCError): string[] {
  return err.cause instanceof ZodError ? err.cause.issues.flatMap(issueFields) : [];
}

/** A fresh client request id. */
export const rid = (): string => `req-${crypto.randomUUID()}`;
