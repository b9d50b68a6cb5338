/**
 * Figure 3: getList of 10,000 actions sorted by working-day due date with a filter, at 50 concurrent
 * clients over HTTP (the API process: cookie session, router, zod, Prisma, the live RAG
 * computation), against the equivalent raw SQL through a `pg` pool of the API's pool size (10) at
 * the same concurrency, on the same database in the same run.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createActivities } from '@ip/activities';
import type { PrismaClient } from '@ip/db';
import { addDays, DEFAULT_ACTION_LADDER, DEFAULT_ACTION_RULES, defaultActionContext, reduceAction } from '@ip/domain';
import { runConcurrently, signedInClients, type Stack } from './stack.js';
import { summary } from './stats.js';

const PROGRAMMES = Array.from({ length: 20 }, (_, i) => `programme-E09${String(i).padStart(6, '0')}-1`);

/** Writes `total` action rows through the real projection activity (the fixture, not measured). */
export async function seedProjectedActions(prisma: PrismaClient, total: number, log: (m: string) => void) {
  const activities = createActivities({ prisma });
  const ctx = defaultActionContext();
  const actor = { userId: 'u-pm', role: 'programme_manager' as const };
  log(`seeding ${total} action rows through the projection activity...`);
  const start = Date.parse('2026-01-05T09:00:00Z');
  for (let i = 0; i < total; i += 200) {
    await Promise.all(Array.from({ length: Math.min(200, total - i) }, (_, j) => {
      const n = i + j;
      const state = reduceAction(null, {
        type: 'action_created', at: start, actor, reason: 'bench', actionId: `action-${randomUUID()}`, ladder: DEFAULT_ACTION_LADDER, rules: DEFAULT_ACTION_RULES,
        definition: { programmeId: PROGRAMMES[n % PROGRAMMES.length]!, title: `Action ${n}: strengthen practice`, owner: { name: `Owner ${n % 37}` }, workstream: `ws-${n % 9}`,
          dueOn: addDays('2026-02-02', n % 400), ofstedLinked: n % 3 === 0, recommendationRefs: [] },
      }, ctx);
      return activities.projectAction(state);
    }));
  }
}

export async function benchGetListActions(stack: Stack, opts: { actions: number; clients: number; perClient: number; log: (m: string) => void }) {
  await seedProjectedActions(stack.prisma, opts.actions, opts.log);
  const clients = (await Promise.all(stack.apiUrls.map((u) => signedInClients(u, Math.ceil(opts.clients / stack.apiUrls.length))))).flat().slice(0, opts.clients);
  const input = { pagination: { page: 3, perPage: 25 }, sort: { field: 'dueOn', order: 'ASC' as const }, filter: { programmeId: PROGRAMMES[4]!, status: 'open' } };
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 10 });
  const sql = `SELECT * FROM action WHERE programme_id = $1 AND status = $2 ORDER BY due_on ASC, id ASC LIMIT 25 OFFSET 50`;
  const countSql = `SELECT count(*) FROM action WHERE programme_id = $1 AND status = $2`;
  const raw = async () => { await Promise.all([pool.query(sql, [PROGRAMMES[4], 'open']), pool.query(countSql, [PROGRAMMES[4], 'open'])]); };
  const api = async (i: number) => {
    const r = await clients[i % clients.length]!.actions.getList.query(input);
    if (r.data.length !== 25) throw new Error(`expected 25 rows, got ${r.data.length}`);
  };
  const total = opts.clients * opts.perClient;
  try {
    await runConcurrently(opts.clients * 2, opts.clients, api); // warm-up
    await runConcurrently(opts.clients * 2, opts.clients, raw);
    const rounds = 2;
    const apiMs: number[] = [];
    const rawMs: number[] = [];
    const errors: string[] = [];
    for (let r = 0; r < rounds; r++) {
      opts.log(`round ${r + 1}/${rounds}: ${total / rounds} getList calls over HTTP, then ${total / rounds} raw SQL, ${opts.clients} concurrent...`);
      const a = await runConcurrently(total / rounds, opts.clients, api);
      const b = await runConcurrently(total / rounds, opts.clients, raw);
      apiMs.push(...a.ms); rawMs.push(...b.ms); errors.push(...a.errors, ...b.errors);
    }
    const a = summary(apiMs);
    const b = summary(rawMs);
    return {
      actions: opts.actions, concurrency: opts.clients, calls: total, errors: errors.length, api: a, rawSql: b,
      getListRatio: Math.round((a.p99 / b.p99) * 100) / 100, getListP99Ms: a.p99, getListRatioP50: Math.round((a.p50 / b.p50) * 100) / 100,
    };
  } finally {
    await pool.end();
  }
}
