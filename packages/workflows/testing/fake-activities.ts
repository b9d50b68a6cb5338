/**
 * In-memory stand-ins for the activities, for workflow tests on the time-skipping server. They keep
 * the contracts that matter to workflows: recordEscalation is exactly-once by id (as the PostgreSQL
 * implementation is, which is tested on a real database in @ip/activities).
 */
import { mergeProjection, type Activities, type EscalationFact, type ProjectionDelta } from '@ip/activities';
import { startDeliveryOf } from '@ip/activities';

export interface FakeActivities {
  activities: Activities;
  escalations: EscalationFact[];
  projections: { kind: string; state: unknown }[];
  /** How many times recordEscalation was called, duplicates included. */
  escalationCalls: number;
  /** The Schedule ids ensureSchedule was asked for, in order (repeats included). */
  schedules: string[];
  /** The escalation id of every delivery the delivery workflows ran (one per escalation, once each). */
  deliveries: string[];
  /** Per workflow id, each state the read model held after a machine projection (version order). */
  projectedStates: Map<string, { version: number; state: Record<string, unknown> }[]>;
}

export function fakeActivities(): FakeActivities {
  const fake: FakeActivities = {
    escalations: [],
    projections: [],
    escalationCalls: 0,
    schedules: [],
    projectedStates: new Map(),
    deliveries: [],
    activities: {} as Activities,
  };
  const project = (kind: string) => async (state: unknown) => {
    fake.projections.push({ kind, state });
  };
  const rows = new Map<string, { state: Record<string, unknown>; version: number }>();
  const impl: Record<string, (arg: never) => Promise<unknown>> = {
    projectProgramme: project('programme'),
    projectLifecycleRecord: project('lifecycle'),
    projectAction: project('action'),
    /** The machine runner's deltas, merged as the real activity merges them; each merged state is recorded. */
    async applyProjection(d: ProjectionDelta) {
      const before = rows.get(d.id);
      const row = mergeProjection(before, d);
      if (row === before) return 'already';
      rows.set(d.id, row);
      fake.projectedStates.set(d.id, [...(fake.projectedStates.get(d.id) ?? []), JSON.parse(JSON.stringify(row)) as { version: number; state: Record<string, unknown> }]);
      fake.projections.push({ kind: d.kind === 'action' || d.kind === 'programme' ? d.kind : 'lifecycle', state: row.state });
      return 'written';
    },
    async evaluateKpiReturn() {
      return { evaluated: 0, red: 0, amber: 0, escalationsCreated: 0 };
    },
    async ensureSchedule(options: { scheduleId: string }) {
      fake.schedules.push(options.scheduleId);
      return options.scheduleId;
    },
    async deliverEscalation(input: { escalationId: string }) {
      fake.deliveries.push(input.escalationId);
      return { sent: 0, held: 0, failed: 0, uncertain: 0, noRecipient: 0 };
    },
    async recordEscalation(fact: EscalationFact) {
      fake.escalationCalls += 1;
      // As the real one: the escalation's emails go to its delivery workflow.
      await startDeliveryOf(fact.id);
      if (fake.escalations.some((e) => e.id === fact.id)) return { created: false };
      fake.escalations.push(fact);
      return { created: true };
    },
  };
  fake.activities = impl as unknown as Activities;
  return fake;
}
