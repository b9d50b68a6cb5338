import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestWorker, createTimeSkippingEnv } from '../../testing/env.js';
import { fakeActivities } from '../../testing/fake-activities.js';
import { runFullCycle } from './full-cycle.js';

describe('a full improvement cycle on the time-skipping server (npm run scenario)', () => {
  it('inadequate → plan → 4 monitoring visits → re-inspection judged requires improvement → exit, escalating what was missed', async () => {
    const env = await createTimeSkippingEnv();
    try {
      const fake = fakeActivities();
      const taskQueue = `cycle-${randomUUID()}`;
      const worker = await createTestWorker(env, fake.activities, taskQueue);
      const { final } = await worker.runUntil(() => runFullCycle(env, taskQueue));

      expect(final.phase).toBe('closed');
      expect(final.grade).toBe('requires_improvement');
      expect(final.visits.map((v) => [v.number, v.status])).toEqual([[1, 'closed'], [2, 'closed'], [3, 'closed'], [4, 'closed']]);
      expect(final.clocks.find((c) => c.name === 'actionPlan')?.status).toBe('met');
      expect(final.clocks.find((c) => c.name === 'scrutiny')?.status).toBe('breached');

      const escalations = fake.escalations.filter((e) => e.kind === 'escalation');
      // The missed scrutiny milestone went to the DCS; visit 2's late new actions to the AD/DCS.
      expect(escalations.some((e) => e.ladderId === 'plan-scrutiny' && e.level === 'director')).toBe(true);
      expect(escalations.some((e) => e.subjectKind === 'monitoring_visit' && e.subjectTitle.includes('Children in need'))).toBe(true);
      // Nothing the council did on time escalated, and no escalation was recorded twice.
      expect(escalations.some((e) => e.ladderId === 'action-plan')).toBe(false);
      expect(new Set(fake.escalations.map((e) => e.id)).size).toBe(fake.escalations.length);
    } finally {
      await env.teardown();
    }
  });
});
