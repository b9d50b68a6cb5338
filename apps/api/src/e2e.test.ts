import { randomUUID } from 'node:crypto';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '@ip/db/seed';
import { programmeStateQuery } from '@ip/workflows/definitions';
import type { AppRouter } from '@ip/api';
import { startRig, type Rig } from './testing.js';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig?.close();
});

const northmoorInspection = {
  type: 'standard' as const,
  fieldworkStartedOn: '2025-09-29',
  fieldworkEndedOn: '2025-10-10',
  reportReceivedOn: '2025-11-03',
  judgements: { overallEffectiveness: 'inadequate' as const, helpAndProtection: 'inadequate' as const },
};

async function signIn(email: string) {
  const c = rig.client();
  await c.trpc.auth.login.mutate({ email, password: DEMO_PASSWORD });
  return c;
}

describe('end to end over HTTP: API → Temporal dev server → worker → PostgreSQL', () => {
  it('reports health of both services', async () => {
    const { trpc } = rig.client();
    expect(await trpc.health.query()).toEqual({ ok: true, database: 'up', temporal: 'up' });
  });

  it('a programme manager starts a programme, records an inadequate inspection, and the 70-WD deadline reads back from Temporal and PostgreSQL', async () => {
    const { trpc } = await signIn('pm@northmoor.gov.uk');
    const createId = randomUUID();
    const created = await trpc.programmes.create.mutate({ onsCode: 'E09000099', clientRequestId: createId, reason: 'Judged inadequate' });
    expect(created.data.phase).toBe('awaiting_inspection');

    // Retrying the same command (same client request id) returns the same programme, no second one.
    const retried = await trpc.programmes.create.mutate({ onsCode: 'E09000099', clientRequestId: createId, reason: 'Judged inadequate' });
    expect(retried.data.id).toBe(created.data.id);
    expect(await rig.prisma.programme.count()).toBe(1);

    const inspectionId = randomUUID();
    const cmd = { programmeId: created.data.id, clientRequestId: inspectionId, reason: 'Ofsted report received', inspection: northmoorInspection };
    const recorded = await trpc.programmes.recordInspection.mutate(cmd);
    expect(recorded.data.actionPlanDueOn).toBe('2026-02-12');
    expect(recorded.data.publishDueOn).toBe('2025-12-15');
    expect(recorded.data.grade).toBe('inadequate');
    await trpc.programmes.recordInspection.mutate(cmd); // a retry: one effect

    // From Temporal (the source of truth): the running workflow's own state.
    const live = await rig.temporal.workflow.getHandle(created.data.id).query(programmeStateQuery);
    expect(live.clocks.find((c) => c.name === 'actionPlan')?.dueOn).toBe('2026-02-12');
    expect(live.history.filter((h) => h.type === 'inspection_recorded')).toHaveLength(1);
    expect(live.history[1]?.actor?.name).toBe('Priya Shah');

    // From PostgreSQL: the projection catches up to the same version.
    const row = await vi.waitFor(async () => {
      const r = await rig.prisma.programme.findUniqueOrThrow({ where: { id: created.data.id } });
      expect(r.stateVersion).toBe(live.version);
      return r;
    }, { timeout: 10_000, interval: 100 });
    expect(row.actionPlanDueOn).toBe('2026-02-12');
    expect(row.phase).toBe('action_planning');

    const list = await trpc.programmes.getList.query({ pagination: { page: 1, perPage: 10 }, sort: { field: 'actionPlanDueOn', order: 'ASC' }, filter: {} });
    expect(list.total).toBe(1);
    expect(list.data[0]?.authorityName).toBe('Northmoor Borough Council');
  });

  it('names the field when input is invalid (30 February)', async () => {
    const { trpc } = await signIn('pm@northmoor.gov.uk');
    const err = await trpc.programmes.recordInspection
      .mutate({ programmeId: 'x', clientRequestId: randomUUID(), reason: 'typo', inspection: { ...northmoorInspection, reportReceivedOn: '2026-02-30' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCClientError);
    const e = err as TRPCClientError<AppRouter>;
    expect(e.data?.code).toBe('BAD_REQUEST');
    expect(Object.keys(e.data?.fieldErrors ?? {})).toContain('inspection.reportReceivedOn');
  });

  it('refuses auditors any mutation and anonymous callers everything but sign-in', async () => {
    const { trpc } = await signIn('auditor@northmoor.gov.uk');
    const err = await trpc.programmes.create.mutate({ onsCode: 'E08000099', clientRequestId: randomUUID(), reason: 'should fail' }).catch((e: unknown) => e);
    expect((err as TRPCClientError<AppRouter>).data?.code).toBe('FORBIDDEN');
    const list = await trpc.programmes.getList.query({});
    expect(list.total).toBeGreaterThanOrEqual(1);

    const anon = rig.client().trpc;
    const denied = await anon.programmes.getList.query({}).catch((e: unknown) => e);
    expect((denied as TRPCClientError<AppRouter>).data?.code).toBe('UNAUTHORIZED');
  });

  it('an admin configures a programme’s ladder and calendar; a programme manager may not', async () => {
    const pm = await signIn('pm@northmoor.gov.uk');
    const { data: programme } = await pm.trpc.programmes.create.mutate({ onsCode: 'E08000099', clientRequestId: randomUUID(), reason: 'Focused visit expected' });
    const ladder = { id: 'publish-tight', name: 'Publish sooner', steps: [{ id: 'remind-10', offsetWorkingDays: -10, kind: 'reminder' as const, level: 'programme_manager' as const, label: 'Publish within 10 working days' }] };
    const input = { programmeId: programme.id, clientRequestId: randomUUID(), reason: 'Agreed by the improvement board', ladders: { publishReport: ladder }, calendarOverrides: { add: [{ date: '2027-06-14', title: 'One-off bank holiday' }], remove: [] } };
    const refused = await pm.trpc.programmes.configure.mutate(input).catch((e: unknown) => e);
    expect((refused as TRPCClientError<AppRouter>).data?.code).toBe('FORBIDDEN');
    const admin = await signIn('admin@northmoor.gov.uk');
    await admin.trpc.programmes.configure.mutate(input);
    const live = await rig.temporal.workflow.getHandle(programme.id).query(programmeStateQuery);
    expect(live.config.ladders.publishReport?.id).toBe('publish-tight');
    expect(live.config.calendarOverrides?.add[0]?.date).toBe('2027-06-14');
    expect(live.history.at(-1)?.actor?.role).toBe('admin');
  });

  it('refuses a state-changing request from another origin', async () => {
    const res = await fetch(`${rig.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'pm@northmoor.gov.uk', password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(403);
  });
});
