/**
 * The machine runner's projection deltas on real PostgreSQL: each delta appends its log entries once,
 * whatever the retries and races; the row's JSON equals the whole state; a gap (a row restored from
 * an older backup) is written as far as it goes and marked; a rebuild at the same version repairs it.
 */
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from '@ip/db';
import { applyMigrations } from '@ip/db/migrate';
import { createTempDatabase, type TempDatabase } from '@ip/db/testing';
import {
  ACTION_LOGS, DEFAULT_ACTION_LADDER, DEFAULT_ACTION_RULES, ZActionDefinition, ZActionState, carryActionState, defaultActionContext,
  logLengths, londonMidnightUtcMs, reduceAction, splitLogs, type TActionState, type TActor,
} from '@ip/domain';
import { createActivities, projectActionState, type ProjectionDelta } from '../index.js';

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

const pm: TActor = { userId: 'u-pm', role: 'programme_manager' };
const at = (d: string, h = 10) => londonMidnightUtcMs(d) + h * 3_600_000;
const ctx = defaultActionContext();

/** A fresh action and `n` weekly progress updates after it: n + 1 versions. */
function weekly(actionId: string, n: number): TActionState[] {
  const definition = ZActionDefinition.parse({
    programmeId: 'programme-E09000099-1', title: 'Offer return home interviews within 72 hours', owner: { name: 'Sam Patel' }, dueOn: '2028-04-03', ofstedLinked: false,
  });
  const out = [reduceAction(null, { type: 'action_created', at: at('2027-01-04'), actor: pm, reason: 'plan', actionId, definition, ladder: DEFAULT_ACTION_LADDER, rules: DEFAULT_ACTION_RULES, rulesVersion: 2 }, ctx)];
  for (let i = 1; i <= n; i++) {
    const day = new Date(at('2027-01-04') + i * 7 * 86_400_000).toISOString().slice(0, 10);
    out.push(reduceAction(out.at(-1)!, { type: 'progress_updated', at: at(day), actor: pm, reason: 'weekly', percentComplete: Math.min(99, i * 3), note: `Week ${i}` }, ctx));
  }
  return out;
}

/** The deltas the runner would send projecting each state in turn (from `start` on). */
function deltas(states: TActionState[]): ProjectionDelta[] {
  let since: Record<string, number> | null = null;
  let from = 0;
  return states.map((s) => {
    const { core, appended } = splitLogs(s, ACTION_LOGS, since);
    const d: ProjectionDelta = { kind: 'action', id: s.actionId, version: s.version, fromVersion: from, core, appended };
    since = logLengths(s, ACTION_LOGS);
    from = s.version;
    return d;
  });
}

const stateOf = async (id: string) => {
  const row = await prisma.action.findUniqueOrThrow({ where: { id } });
  return { row, state: row.state as Record<string, unknown> };
};

describe('applyProjection (deltas) on real PostgreSQL', () => {
  it('builds the whole state from deltas; retries and a concurrent duplicate append nothing twice', async () => {
    const { applyProjection } = createActivities({ prisma });
    const env = new MockActivityEnvironment();
    const states = weekly('action-delta-1', 12);
    const ds = deltas(states);
    const outcomes: unknown[] = [];
    for (const d of ds) {
      outcomes.push(await env.run(applyProjection, d));
      // Every delta is retried, once at once and once concurrently with itself.
      outcomes.push(...(await Promise.all([env.run(applyProjection, d), env.run(applyProjection, d)])));
    }
    expect(outcomes.filter((o) => o === 'written')).toHaveLength(ds.length);
    expect(outcomes.filter((o) => o === 'gap')).toHaveLength(0);
    const { row, state } = await stateOf('action-delta-1');
    expect(row).toMatchObject({ stateVersion: 13, percentComplete: 36, status: 'open' });
    expect(JSON.parse(JSON.stringify(state))).toEqual(JSON.parse(JSON.stringify(states.at(-1))));
    expect(ZActionState.parse(state).history).toHaveLength(13);
    // A late delta of an older version changes nothing.
    expect(await env.run(applyProjection, ds[3]!)).toBe('already');
  });

  it('after continue-as-new the deltas carry on from the trimmed run, and the row keeps every entry', async () => {
    const { applyProjection } = createActivities({ prisma });
    const env = new MockActivityEnvironment();
    const states = weekly('action-delta-2', 8);
    for (const d of deltas(states.slice(0, 5))) await env.run(applyProjection, d);
    // The next run starts from the carried state (logs trimmed, counted in logBase) and goes on.
    const carried = carryActionState(states[4]!, at('2027-02-08'), ctx.calendar);
    expect(carried.history).toHaveLength(0);
    let s = carried;
    const next: TActionState[] = [];
    for (let i = 5; i < 8; i++) {
      s = reduceAction(s, { type: 'progress_updated', at: at('2027-03-01') + i * 1000, actor: pm, reason: 'weekly', percentComplete: 50 + i, note: `Run 2 week ${i}` }, ctx);
      next.push(s);
    }
    let since = logLengths(carried, ACTION_LOGS);
    let from = carried.version;
    for (const n of next) {
      const { core, appended } = splitLogs(n, ACTION_LOGS, since);
      expect(await env.run(applyProjection, { kind: 'action' as const, id: n.actionId, version: n.version, fromVersion: from, core, appended })).toBe('written');
      since = logLengths(n, ACTION_LOGS);
      from = n.version;
    }
    const { state } = await stateOf('action-delta-2');
    const history = ZActionState.parse(state).history;
    expect(history).toHaveLength(5 + 3);
    expect(history.at(-1)!.summary).toMatch(/Run 2 week 7/);
    expect(state.logBase).toBeUndefined();
  });

  it('a gap (the row restored from an older backup) is written as far as it goes, marked, and repaired by a rebuild', async () => {
    const { applyProjection } = createActivities({ prisma });
    const env = new MockActivityEnvironment();
    const states = weekly('action-delta-3', 6);
    const ds = deltas(states);
    for (const d of ds.slice(0, 3)) await env.run(applyProjection, d);
    // Deltas 4 and 5 were written, then the database was restored to a backup holding version 3.
    expect(await env.run(applyProjection, ds[5]!)).toBe('gap');
    const { row, state } = await stateOf('action-delta-3');
    expect(row.stateVersion).toBe(6);
    expect(state.projectionGap).toEqual({ history: 2, ragHistory: 2 });
    // The next delta keeps the mark; a rebuild from history (the whole state, same version) clears it.
    expect(await env.run(applyProjection, ds[6]!)).toBe('written');
    expect((await stateOf('action-delta-3')).state.projectionGap).toEqual({ history: 2, ragHistory: 2 });
    await projectActionState(prisma, states[6]!, { replaceSameVersion: true });
    const repaired = await stateOf('action-delta-3');
    expect(repaired.state.projectionGap).toBeUndefined();
    expect(ZActionState.parse(repaired.state).history).toHaveLength(7);
  });

  it('clears the stopped mark: a workflow that projects is running', async () => {
    const { applyProjection } = createActivities({ prisma });
    const env = new MockActivityEnvironment();
    const ds = deltas(weekly('action-delta-4', 2));
    await env.run(applyProjection, ds[0]!);
    await prisma.action.update({ where: { id: 'action-delta-4' }, data: { stoppedAt: new Date(), stoppedReason: 'Terminated: test' } });
    await env.run(applyProjection, ds[1]!);
    expect((await stateOf('action-delta-4')).row).toMatchObject({ stoppedAt: null, stoppedReason: null });
  });
});
