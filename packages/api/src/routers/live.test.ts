import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from '@ip/db';
import { applyMigrations } from '@ip/db/migrate';
import { createTempDatabase, type TempDatabase } from '@ip/db/testing';
import { appRouter } from '../root.js';
import { createCallerFactory } from '../trpc.js';
import { createContextInner, type ContextDeps } from '../context.js';

let db: TempDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTempDatabase();
  await applyMigrations({ databaseUrl: db.url });
  prisma = createPrisma({ databaseUrl: db.url });
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

describe('live.changes subscription on real PostgreSQL', () => {
  it('pushes a new escalation and a programme change, each once, to a signed-in reader', async () => {
    const deps = { prisma, temporal: {} } as unknown as ContextDeps;
    const caller = createCallerFactory(appRouter)(createContextInner(deps, { user: { id: 'u-a', email: 'a@x.gov.uk', name: 'Alan Reid', role: 'auditor' } }));
    const stream = await caller.live.changes(undefined);
    const received: { resource: string; id: string }[] = [];
    const reading = (async () => {
      // Each event is tRPC's tracked envelope: [eventId, data, marker].
      for await (const [eventId, data] of stream as AsyncIterable<[string, { resource: string; id: string; at: string }]>) {
        expect(eventId).toBe(data.at);
        received.push(data);
        // Leaving the loop returns the generator, which ends the subscription.
        if (received.length === 2) break;
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    const authority = await prisma.localAuthority.create({ data: { onsCode: 'E09000098', name: 'Testshire' } });
    await prisma.programme.create({ data: { id: 'programme-E09000098-1', authorityId: authority.id, cycle: 1, phase: 'awaiting_inspection', state: {}, stateVersion: 1, startedAt: new Date() } });
    await prisma.escalation.create({ data: { id: 'esc-1', workflowId: 'w', subjectKind: 'programme', subjectId: 's', subjectTitle: 't', ladderId: 'l', stepId: 'due-0', kind: 'escalation', level: 'director', label: 'x', dueOn: '2026-01-01', fireAt: new Date(), firedAt: new Date() } });
    await Promise.race([reading, new Promise((_, rej) => setTimeout(() => rej(new Error('no live change within 10 s')), 10_000))]);
    expect(received.map((r) => r.resource).sort()).toEqual(['escalations', 'programmes']);
    expect(received.find((r) => r.resource === 'programmes')?.id).toBe('programme-E09000098-1');
  });

  it('refuses anonymous callers', async () => {
    const caller = createCallerFactory(appRouter)(createContextInner({ prisma, temporal: {} } as unknown as ContextDeps));
    await expect(caller.live.changes(undefined)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
