/**
 * getList of 10,000 actions sorted by working-day due date with a filter: the API procedure (through
 * createCaller, so router + zod + Prisma + the live RAG computation) against the equivalent raw SQL
 * through `pg`, measured in the same run on the same database.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createActivities } from '@ip/activities';
import { appRouter, createCallerFactory, createContextInner, type ContextDeps } from '@ip/api';
import { createPrisma } from '@ip/db';
import { applyMigrations } from '@ip/db/migrate';
import { createTempDatabase } from '@ip/db/testing';
import { addDays, DEFAULT_ACTION_LADDER, DEFAULT_ACTION_RULES, defaultActionContext, reduceAction } from '@ip/domain';
import { summary } from './stats.js';

export async function benchGetListActions(opts: { actions?: number; iterations?: number; log?: (m: string) => void } = {}) {
  const total = opts.actions ?? 10_000;
  const iterations = opts.iterations ?? 300;
  const log = opts.log ?? (() => {});
  const db = await createTempDatabase();
  try {
    await applyMigrations({ databaseUrl: db.url });
    const prisma = createPrisma({ databaseUrl: db.url });
    const { projectAction } = createActivities({ prisma });
    const ctx = defaultActionContext();
    const actor = { userId: 'u-pm', role: 'programme_manager' as const };
    const programmes = Array.from({ length: 20 }, (_, i) => `programme-E09${String(i).padStart(6, '0')}-1`);
    log(`seeding ${total} actions through the projection activity...`);
    const start = Date.parse('2026-01-05T09:00:00Z');
    for (let i = 0; i < total; i += 200) {
      await Promise.all(Array.from({ length: Math.min(200, total - i) }, (_, j) => {
        const n = i + j;
        const state = reduceAction(null, {
          type: 'action_created', at: start, actor, reason: 'bench', actionId: `action-${randomUUID()}`, ladder: DEFAULT_ACTION_LADDER, rules: DEFAULT_ACTION_RULES,
          definition: { programmeId: programmes[n % programmes.length]!, title: `Action ${n}: strengthen practice`, owner: { name: `Owner ${n % 37}` }, workstream: `ws-${n % 9}`,
            dueOn: addDays('2026-02-02', n % 400), ofstedLinked: n % 3 === 0, recommendationRefs: [] },
        }, ctx);
        return projectAction(state);
      }));
    }
    const caller = createCallerFactory(appRouter)(createContextInner({ prisma, temporal: {} } as unknown as ContextDeps, { user: { id: 'u-pm', email: 'pm@x.gov.uk', name: 'PM', role: 'programme_manager' } }));
    const input = { pagination: { page: 3, perPage: 25 }, sort: { field: 'dueOn', order: 'ASC' as const }, filter: { programmeId: programmes[4]!, status: 'open' } };
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const sql = `SELECT * FROM action WHERE programme_id = $1 AND status = $2 ORDER BY due_on ASC, id ASC LIMIT 25 OFFSET 50`;
    const countSql = `SELECT count(*) FROM action WHERE programme_id = $1 AND status = $2`;
    const raw = async () => { await Promise.all([client.query(sql, [programmes[4], 'open']), client.query(countSql, [programmes[4], 'open'])]); };
    const api = async () => { const r = await caller.actions.getList(input); if (r.data.length !== 25) throw new Error(`expected 25 rows, got ${r.data.length}`); };
    for (let i = 0; i < 30; i++) { await api(); await raw(); } // warm-up
    const apiMs: number[] = [];
    const rawMs: number[] = [];
    log(`measuring ${iterations} interleaved calls each...`);
    for (let i = 0; i < iterations; i++) {
      let t = performance.now(); await api(); apiMs.push(performance.now() - t);
      t = performance.now(); await raw(); rawMs.push(performance.now() - t);
    }
    await client.end();
    await prisma.$disconnect();
    const a = summary(apiMs);
    const b = summary(rawMs);
    return { actions: total, api: a, rawSql: b, getListRatioP50: Math.round((a.p50 / b.p50) * 100) / 100, getListRatioP99: Math.round((a.p99 / b.p99) * 100) / 100 };
  } finally {
    await db.drop();
  }
}
