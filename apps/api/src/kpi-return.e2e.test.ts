import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '@ip/db/seed';
import { kpiReturnScheduleId } from '@ip/workflows/definitions';
import { startRig, type Rig } from './testing.js';

let rig: Rig;
beforeAll(async () => { rig = await startRig(); });
afterAll(async () => { await rig?.close(); });

describe('monthly KPI return on a Temporal Schedule (dev server, real PostgreSQL)', () => {
  it('starting a programme creates its schedule; a run escalates a KPI red two periods running to the board, once', async () => {
    const { trpc } = rig.client();
    await trpc.auth.login.mutate({ email: 'pm@northmoor.gov.uk', password: DEMO_PASSWORD });
    const { data: programme } = await trpc.programmes.create.mutate({ onsCode: 'E10000034', clientRequestId: randomUUID(), reason: 'KPI return test' });
    // The workflow creates its schedule when it starts (an activity), not before the create answers.
    const schedule = rig.temporal.schedule.getHandle(kpiReturnScheduleId(programme.id));
    const description = await vi.waitFor(() => schedule.describe(), { timeout: 10_000, interval: 100 });
    expect(description.spec.calendars?.[0]).toMatchObject({ dayOfMonth: [{ start: 1, end: 1, step: 1 }] });
    expect(description.spec.timezone).toBe('Europe/London');

    const kpi = await rig.prisma.kpi.create({ data: {
      programmeId: programme.id, key: 'rhi_within_72h', name: 'Return home interviews within 72 hours', unit: 'percent', direction: 'higher_is_better',
      target: 100, amberBand: 100, redBand: 80, period: 'monthly',
      definition: { key: 'rhi_within_72h', name: 'Return home interviews within 72 hours', unit: 'percent', direction: 'higher_is_better', target: 100, amberBand: 100, redBand: 80, period: 'monthly', source: 'seed 004' },
    } });
    await rig.prisma.kpiReading.createMany({ data: [
      { kpiId: kpi.id, periodEnd: '2026-09-30', value: 68, recordedBy: 'test' },
      { kpiId: kpi.id, periodEnd: '2026-10-31', value: 24, recordedBy: 'test' },
    ] });

    const board = () => rig.prisma.escalation.findMany({ where: { subjectKind: 'kpi', level: 'improvement_board' } });
    for (const run of [1, 2]) {
      await schedule.trigger();
      // The run this trigger started, then its end: whatever it escalates is written by then, so the
      // second run's "no second escalation" is shown by a finished run, not by waiting a while.
      const started = await vi.waitFor(async () => {
        const d = await schedule.describe();
        expect(d.info.numActionsTaken).toBe(run);
        return d.info.recentActions.at(-1)!.action.workflow;
      }, { timeout: 10_000, interval: 100 });
      await rig.temporal.workflow.getHandle(started.workflowId, started.firstExecutionRunId).result();
      expect(await board(), `after run ${run}`).toHaveLength(1);
    }
    const rows = await board();
    expect(rows[0]?.label).toMatch(/red for 2 periods running/);
    await schedule.delete();
  });
});
