import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from '@ip/db';
import { applyMigrations } from '@ip/db/migrate';
import { createTempDatabase, type TempDatabase } from '@ip/db/testing';
import {
  DEFAULT_ACTION_LADDER,
  DEFAULT_ACTION_RULES,
  ZActionDefinition,
  ZActionState,
  defaultActionContext,
  londonMidnightUtcMs,
  reduceAction,
  type TActionState,
  type TActor,
} from '@ip/domain';
import { createActivities } from '../index.js';

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
const pm2: TActor = { userId: 'u-pm2', role: 'programme_manager' };
const at = (d: string) => londonMidnightUtcMs(d) + 10 * 3_600_000;

/** An action created, updated, then extended: three versions with different columns. */
function states(): [TActionState, TActionState, TActionState, TActionState] {
  const ctx = defaultActionContext();
  const definition = ZActionDefinition.parse({
    programmeId: 'programme-E09000099-1', title: 'Offer return home interviews within 72 hours', workstream: 'Missing children',
    owner: { name: 'Sam Patel', email: 'sam.patel@northmoor.gov.uk' }, dueOn: '2027-04-01', ofstedLinked: true,
  });
  const s1 = reduceAction(null, { type: 'action_created', at: at('2027-01-04'), actor: pm, reason: 'plan', actionId: 'action-programme-E09000099-1-a1',
    definition, ladder: DEFAULT_ACTION_LADDER, rules: DEFAULT_ACTION_RULES }, ctx);
  const s2 = reduceAction(s1, { type: 'progress_updated', at: at('2027-03-17'), actor: pm, reason: 'monthly', percentComplete: 40, note: 'Provider on board' }, ctx);
  const s3 = reduceAction(s2, { type: 'extension_requested', at: at('2027-03-18'), actor: pm, reason: 'slip', newDueOn: '2027-05-13', justification: 'Provider contract starts late' }, ctx);
  const s4 = reduceAction(s3, { type: 'extension_approved', at: at('2027-03-19'), actor: pm2, reason: 'agreed at board' }, ctx);
  return [s1, s2, s3, s4];
}

describe('projectAction on real PostgreSQL', () => {
  it('upserts the columns and the state, monotonically: an older version arriving late never wins', async () => {
    const { projectAction } = createActivities({ prisma });
    const env = new MockActivityEnvironment();
    const [s1, s2, s3, s4] = states();

    await env.run(projectAction, s1);
    const first = await prisma.action.findUniqueOrThrow({ where: { id: s1.actionId } });
    expect(first).toMatchObject({ stateVersion: 1, status: 'open', rag: 'green', percentComplete: 0, lastUpdateOn: null,
      ownerName: 'Sam Patel', ownerEmail: 'sam.patel@northmoor.gov.uk', workstream: 'Missing children', ofstedLinked: true,
      dueOn: '2027-04-01', programmeId: 'programme-E09000099-1' });
    expect(first.dueAt.toISOString()).toBe('2027-04-01T23:00:00.000Z');

    await env.run(projectAction, s4);
    await env.run(projectAction, s2); // a retried, older activity arriving late
    await env.run(projectAction, s3);
    await env.run(projectAction, s4); // and a duplicate

    const row = await prisma.action.findUniqueOrThrow({ where: { id: s1.actionId } });
    expect(row).toMatchObject({ stateVersion: 4, dueOn: '2027-05-13', rag: 'green', percentComplete: 40, lastUpdateOn: '2027-03-17' });
    expect(row.dueAt.toISOString()).toBe('2027-05-13T23:00:00.000Z');
    // The JSON state round-trips to the domain schema, so the API can serve it as is.
    const back = ZActionState.parse(row.state);
    expect(back.baseline).toBe(1);
    expect(back.extensions[0]?.outcome).toBe('approved');
    expect(await prisma.action.count()).toBe(1);
  });

  it('first projections racing each other still end at the newest version', async () => {
    const { projectAction } = createActivities({ prisma });
    const env = new MockActivityEnvironment();
    const [s1, s2] = states();
    // The workflow's start and an Update sent with it can project concurrently: v1 and v2 race.
    for (let i = 0; i < 20; i++) {
      const actionId = `action-race-${i}`;
      const order = i % 2 ? [s1, s2, s1] : [s2, s1, s1];
      await Promise.all(order.map((s) => env.run(projectAction, { ...s, actionId })));
      expect((await prisma.action.findUniqueOrThrow({ where: { id: actionId } })).stateVersion).toBe(2);
    }
  });
});
