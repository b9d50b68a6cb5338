/**
 * When PostgreSQL or Temporal cannot be reached, callers get SERVICE_UNAVAILABLE with a plain
 * message — never a 500, never a hang.
 */
import { describe, expect, it } from 'vitest';
import { createPrisma } from '@ip/db';
import { appRouter } from './root.js';
import { createCallerFactory } from './trpc.js';
import { createContextInner } from './context.js';
import { failure, PROGRAMME_ID, rid, startRouterTest } from './test-support.js';
import { createTemporalClient } from './temporal-connection.js';

const pm = { id: 'u-pm', email: 'pm@x.gov.uk', name: 'PM', role: 'programme_manager' as const };
const nowhere = '127.0.0.1:9'; // discard port: nothing listens there

describe('unreachable services', () => {
  it('PostgreSQL down: a list answers SERVICE_UNAVAILABLE within seconds', async () => {
    const prisma = createPrisma({ databaseUrl: `postgresql://ip:ip@${nowhere}/ip` });
    const caller = createCallerFactory(appRouter)(createContextInner({ prisma, temporal: {} as never }, { user: pm }));
    const started = Date.now();
    const err = await failure(caller.programmes.getList({}));
    expect(err.code).toBe('SERVICE_UNAVAILABLE');
    expect(err.message).toMatch(/unavailable/i);
    expect(Date.now() - started).toBeLessThan(15_000);
    // The actions list reads through raw SQL (action-list.ts): the same answer on its paged and live paths.
    for (const filter of [{}, { rag: 'red' }]) expect((await failure(caller.actions.getList({ filter }))).code).toBe('SERVICE_UNAVAILABLE');
    await prisma.$disconnect();
  });

  it('Temporal down: a command answers SERVICE_UNAVAILABLE, changes nothing, and keeps only its pending claim for the retry', async () => {
    const t = await startRouterTest();
    const { client: temporal, connection } = createTemporalClient(nowhere, 'default');
    try {
      const caller = createCallerFactory(appRouter)(createContextInner({ prisma: t.prisma, temporal }, { user: t.users.programme_manager }));
      const clientRequestId = rid();
      const started = Date.now();
      const err = await failure(caller.programmes.publishReport({ programmeId: PROGRAMME_ID, clientRequestId, reason: 'Published today', publishedOn: '2026-11-20' }));
      expect(err.code).toBe('SERVICE_UNAVAILABLE');
      expect(Date.now() - started).toBeLessThan(10_000);
      // The outcome is unknown to the API, so the request id stays claimed: a retry completes it.
      expect(await t.prisma.commandReceipt.findUniqueOrThrow({ where: { clientRequestId } })).toMatchObject({ status: 'pending', resultJson: null });
    } finally {
      await connection.close().catch(() => undefined);
      await t.close();
    }
  });
});
