/**
 * Live updates by notification, on real PostgreSQL and on PGlite: a burst of 5,000 changes across
 * three tables from concurrent writers, one console connected throughout, one that drops in the
 * middle and resumes from its last event id, and (PostgreSQL) the feed's own LISTEN connection
 * killed mid-burst. Every change must reach each console once, in commit order, versions rising per
 * record, and match what the triggers stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createEmbeddedPrisma, createPrisma, pgLiveSource, pgliteLiveSource, type LiveSource, type PrismaClient } from '@ip/db';
import { applyMigrations } from '@ip/db/migrate';
import { createTempDatabase } from '@ip/db/testing';
import { LiveFeed, type LiveChange } from './live-feed.js';
import { appRouter } from './root.js';
import { createCallerFactory } from './trpc.js';
import { createContextInner, type ContextDeps } from './context.js';

const PROGRAMMES = 50;
const ESCALATIONS = 400;
/** 50 programme + 50 lifecycle-record inserts, 400 escalations, then updates up to 5,000 in all. */
const TOTAL = 5000;
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

/** Writes exactly TOTAL changes from `writers` concurrent writers; each record is owned by one writer. */
async function burst(prisma: PrismaClient, writers: number, midway?: () => Promise<void>): Promise<void> {
  const authority = await prisma.localAuthority.create({ data: { onsCode: `E0${Math.floor(Math.random() * 9e6)}`, name: 'Burst Council' } });
  const updates = TOTAL - 2 * PROGRAMMES - ESCALATIONS;
  let written = 0;
  let midwayDone = !midway;
  const step = async () => {
    written++;
    if (!midwayDone && written >= TOTAL / 2) {
      midwayDone = true;
      await midway!();
    }
  };
  await Promise.all(Array.from({ length: writers }, async (_, w) => {
    const mine = Array.from({ length: PROGRAMMES }, (_, i) => i).filter((i) => i % writers === w);
    for (const i of mine) {
      await prisma.programme.create({ data: { id: `p-${i}`, authorityId: authority.id, cycle: 1, phase: 'inspection', state: {}, stateVersion: 1, startedAt: new Date() } });
      await step();
      await prisma.lifecycleRecord.create({ data: { id: `r-${i}`, kind: 'visit', programmeId: `p-${i}`, title: 't', phase: 'planned', state: {}, stateVersion: 1 } });
      await step();
    }
    for (let e = w; e < ESCALATIONS; e += writers) {
      await prisma.escalation.create({ data: { id: `e-${e}`, workflowId: 'w', programmeId: `p-${e % PROGRAMMES}`, subjectKind: 'programme', subjectId: 's', subjectTitle: 't', ladderId: 'l', stepId: `s-${e}`, kind: 'escalation', level: 'director', label: 'x', dueOn: '2026-01-01', fireAt: new Date(), firedAt: new Date() } });
      await step();
    }
    const version = new Map<string, number>();
    for (let u = w; u < updates; u += writers) {
      const i = mine[Math.floor(u / writers) % mine.length]!;
      const onProgramme = u % 5 !== 0;
      const key = onProgramme ? `p-${i}` : `r-${i}`;
      const v = (version.get(key) ?? 1) + 1;
      version.set(key, v);
      if (onProgramme) await prisma.programme.update({ where: { id: key }, data: { stateVersion: v } });
      else await prisma.lifecycleRecord.update({ where: { id: key }, data: { stateVersion: v } });
      await step();
    }
  }));
}

/** Reads a console's stream until it has `until` changes (or the stream is aborted). */
async function read(stream: AsyncGenerator<LiveChange[]>, into: LiveChange[], until: number, timeoutMs = 150_000): Promise<void> {
  const timer = setTimeout(() => void stream.return(undefined), timeoutMs);
  try {
    for await (const batch of stream) {
      into.push(...batch);
      if (into.length >= until) break;
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Once each, commit order, versions rising per record, and exactly what the triggers stored. */
async function expectComplete(prisma: PrismaClient, got: LiveChange[], who: string): Promise<void> {
  const stored = await prisma.liveEvent.findMany({ orderBy: { seq: 'asc' } });
  expect(stored.length, 'changes the triggers stored').toBe(TOTAL);
  expect(got.length, `${who}: changes received`).toBe(TOTAL);
  expect(got.map((c) => c.seq), `${who}: each change once, in commit order`).toEqual(stored.map((r) => r.seq.toString()));
  expect(got.map((c) => `${c.resource}/${c.id}/${c.version}/${c.op}`)).toEqual(stored.map((r) => `${r.resource}/${r.recordId}/${r.version}/${r.op}`));
  const last = new Map<string, number>();
  for (const c of got) {
    const key = `${c.resource}/${c.id}`;
    if (c.resource !== 'escalations') expect(c.version, `${who}: ${key} in order`).toBeGreaterThan(last.get(key) ?? 0);
    last.set(key, c.version);
  }
  expect(new Set(got.map((c) => c.resource))).toEqual(new Set(['programmes', 'lifecycleRecords', 'escalations']));
}

async function runBurst(prisma: PrismaClient, source: LiveSource, writers: number, midway?: (feed: LiveFeed) => Promise<void>) {
  const feed = new LiveFeed(prisma, source);
  cleanups.push(() => feed.close());
  await feed.start();
  await feed.whenReady();
  const steady: LiveChange[] = [];
  const steadyDone = read(feed.changes(null), steady, TOTAL);
  // A console that reads 2,000 changes, drops, misses some, and reconnects with its last event id.
  const dropped: LiveChange[] = [];
  const droppedDone = (async () => {
    await read(feed.changes(null), dropped, 2000);
    // Disconnected until changes have certainly passed it by: the steady console has read 100 more.
    await vi.waitFor(() => expect(steady.length).toBeGreaterThanOrEqual(dropped.length + 100), { timeout: 60_000, interval: 5 });
    const lastEventId = BigInt(dropped.at(-1)!.seq);
    await read(feed.changes(lastEventId), dropped, TOTAL);
  })();
  await burst(prisma, writers, midway ? () => midway(feed) : undefined);
  await Promise.all([steadyDone, droppedDone]);
  return { feed, steady, dropped };
}

describe('live feed on real PostgreSQL', () => {
  it('delivers a burst of 5,000 changes once and in order to a steady console and to one that reconnects, through a lost LISTEN connection', async () => {
    const db = await createTempDatabase();
    cleanups.push(() => db.drop());
    await applyMigrations({ databaseUrl: db.url });
    const prisma = createPrisma({ databaseUrl: db.url, maxConnections: 8 });
    cleanups.push(() => prisma.$disconnect());
    let killed = 0;
    const { feed, steady, dropped } = await runBurst(prisma, pgLiveSource(db.url), 6, async () => {
      // The feed's own connection dies (a failover, an idle-connection reaper): it must reconnect
      // and catch up from the table, so the consoles see no gap.
      killed = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'`
        .then((r) => Number(r[0]?.n ?? 0));
    });
    expect(killed, 'the LISTEN connection was terminated mid-burst').toBe(1);
    expect(feed.stats().catchUps).toBeGreaterThanOrEqual(1);
    await expectComplete(prisma, steady, 'steady console');
    await expectComplete(prisma, dropped, 'reconnecting console');
  }, 360_000);

  it('tells a console whose last event id is older than what is kept to refetch everything', async () => {
    const db = await createTempDatabase();
    cleanups.push(() => db.drop());
    await applyMigrations({ databaseUrl: db.url });
    const prisma = createPrisma({ databaseUrl: db.url });
    cleanups.push(() => prisma.$disconnect());
    const feed = new LiveFeed(prisma, pgLiveSource(db.url));
    cleanups.push(() => feed.close());
    await feed.start();
    await feed.whenReady();
    const authority = await prisma.localAuthority.create({ data: { onsCode: 'E09000097', name: 'Pruned Council' } });
    for (let i = 0; i < 3; i++) await prisma.programme.create({ data: { id: `old-${i}`, authorityId: authority.id, cycle: 1, phase: 'x', state: {}, stateVersion: 1, startedAt: new Date() } });
    await prisma.liveEvent.deleteMany({ where: { seq: { lte: 2n } } }); // as the trigger prunes old changes
    const got: LiveChange[] = [];
    await read(feed.changes(1n), got, 2);
    expect(got.map((c) => [c.op, c.resource])).toEqual([['reset', 'all'], ['insert', 'programmes']]);
    expect(got[1]!.seq).toBe('3');
  });

  it('is what live.changes streams to a signed-in reader, and refuses anonymous callers', async () => {
    const db = await createTempDatabase();
    cleanups.push(() => db.drop());
    await applyMigrations({ databaseUrl: db.url });
    const prisma = createPrisma({ databaseUrl: db.url });
    cleanups.push(() => prisma.$disconnect());
    const live = new LiveFeed(prisma, pgLiveSource(db.url));
    cleanups.push(() => live.close());
    await live.start();
    await live.whenReady();
    const deps = { prisma, temporal: {}, live } as unknown as ContextDeps;
    const anonymous = createCallerFactory(appRouter)(createContextInner(deps));
    await expect(anonymous.live.changes(undefined)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const caller = createCallerFactory(appRouter)(createContextInner(deps, { user: { id: 'u-a', email: 'a@x.gov.uk', name: 'Alan Reid', role: 'auditor' } }));
    const stream = await caller.live.changes(undefined);
    const received: [string, LiveChange][] = [];
    const reading = (async () => {
      // Each event is tRPC's tracked envelope: [eventId, data, marker]; the id is the batch's last change's number.
      for await (const [eventId, data] of stream as AsyncIterable<[string, { changes: LiveChange[] }]>) {
        for (const c of data.changes) received.push([eventId, c]);
        if (received.length >= 2) break;
      }
    })();
    const authority = await prisma.localAuthority.create({ data: { onsCode: 'E09000098', name: 'Testshire' } });
    await prisma.programme.create({ data: { id: 'programme-E09000098-1', authorityId: authority.id, cycle: 1, phase: 'awaiting_inspection', state: {}, stateVersion: 1, startedAt: new Date() } });
    await prisma.escalation.create({ data: { id: 'esc-1', workflowId: 'w', subjectKind: 'programme', subjectId: 's', subjectTitle: 't', ladderId: 'l', stepId: 'due-0', kind: 'escalation', level: 'director', label: 'x', dueOn: '2026-01-01', fireAt: new Date(), firedAt: new Date() } });
    await Promise.race([reading, new Promise((_, rej) => setTimeout(() => rej(new Error('no live change within 10 s')), 10_000))]);
    expect(received.map(([, c]) => [c.seq, c.resource, c.id])).toEqual([
      ['1', 'programmes', 'programme-E09000098-1'],
      ['2', 'escalations', 'esc-1'],
    ]);
    // The event id is the last change of its batch: where a reconnecting console resumes.
    expect(received.at(-1)![0]).toBe('2');
  });
});

describe('live feed on PGlite (the embedded default)', () => {
  it('delivers the same burst once and in order through PGlite\'s in-process LISTEN/NOTIFY', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ip-live-pglite-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const db = await createEmbeddedPrisma({ dataDir: dir });
    cleanups.push(() => db.close());
    const { steady, dropped } = await runBurst(db.prisma, pgliteLiveSource(db.pglite), 3);
    await expectComplete(db.prisma, steady, 'steady console');
    await expectComplete(db.prisma, dropped, 'reconnecting console');
  }, 360_000);
});
